/** A bar as wide as a share (0–1), for tables; the number beside it is what screen readers read. */
export function RateBar({ rate }: { rate: number | null }) {
  return (
    <span aria-hidden="true" className="inline-block h-2 w-24 overflow-hidden rounded-full bg-slate-200 align-middle dark:bg-slate-800">
      <span className="block h-full rounded-full bg-accent-600" style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
    </span>
  );
}
