/** A card's keyboard shortcuts, key beside what it does (the caller's section hides it on touch screens where it should). */
export function ShortcutList({ shortcuts }: { shortcuts: readonly (readonly [key: string, label: string])[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
      {shortcuts.map(([key, label]) => (
        <div key={key} className="contents">
          <dt>
            <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800">{key}</kbd>
          </dt>
          <dd className="text-slate-700 dark:text-slate-300">{label}</dd>
        </div>
      ))}
    </dl>
  );
}
