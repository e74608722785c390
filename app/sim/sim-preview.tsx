import type { ExperimentId } from "@/lib/sim";

/**
 * A small picture of what each simulation shows, drawn from static shapes (no run, no tfjs): the
 * index's cards use it so a student sees at a glance which is the curve fit, which the digits,
 * which the feature maps. Decorative: the card's title and sentence say the same in words.
 */
const W = 160;
const H = 72;

/** A polyline through y = f(x) for x in [0, 1], drawn in the box with a margin. */
function curve(f: (x: number) => number, points = 40): string {
  return Array.from({ length: points + 1 }, (_, i) => {
    const x = i / points;
    return `${(8 + x * (W - 16)).toFixed(1)},${(H - 8 - f(x) * (H - 16)).toFixed(1)}`;
  }).join(" ");
}

/** Deterministic scatter: points near y = f(x), offsets from a fixed table. */
const JITTER = [0.08, -0.06, 0.11, -0.1, 0.03, -0.02, 0.09, -0.08, 0.05, -0.11, 0.07, -0.04];
function scatter(f: (x: number) => number, count = 12) {
  return Array.from({ length: count }, (_, i) => {
    const x = (i + 0.5) / count;
    return { cx: 8 + x * (W - 16), cy: H - 8 - Math.min(1, Math.max(0, f(x) + (JITTER[i % JITTER.length] ?? 0))) * (H - 16) };
  });
}

function Grid({ x, y, cells, size, shade }: { x: number; y: number; cells: number; size: number; shade: (r: number, c: number) => number }) {
  return (
    <g>
      {Array.from({ length: cells * cells }, (_, i) => {
        const r = Math.floor(i / cells);
        const c = i % cells;
        return <rect key={i} x={x + c * size} y={y + r * size} width={size - 1} height={size - 1} fill="currentColor" fillOpacity={0.1 + 0.8 * shade(r, c)} />;
      })}
    </g>
  );
}

const digit = (r: number, c: number) => (Math.abs(c - 3.5) < 1.6 && r > 0 && r < 7 ? (Math.abs(c - 3.5) > 0.6 || r === 1 || r === 6 ? 1 : 0) : 0);
const bump = (x: number) => 0.5 + 0.35 * Math.sin(x * Math.PI * 2);

function Picture({ id }: { id: ExperimentId }) {
  switch (id) {
    case "activation":
      return (
        <>
          <polyline points={curve((x) => 0.2 + 0.5 * x)} className="stroke-slate-400" />
          <polyline points={curve((x) => 1 / (1 + Math.exp(-(x - 0.5) * 10)) * 0.8 + 0.1)} className="stroke-amber-600" />
          <polyline points={curve((x) => Math.max(0.1, (x - 0.4) * 1.4 + 0.1))} className="stroke-accent-600" />
        </>
      );
    case "hidden-units":
      return (
        <>
          {scatter(bump).map((p, i) => <circle key={i} {...p} r={2} className="fill-slate-400" />)}
          <polyline points={curve(() => 0.5)} className="stroke-slate-400" />
          <polyline points={curve(bump)} className="stroke-accent-600" />
        </>
      );
    case "overfitting":
    case "dropout":
      return (
        <>
          {scatter(bump, 8).map((p, i) => <circle key={i} {...p} r={2.5} className="fill-slate-400" />)}
          <polyline points={curve((x) => bump(x) + 0.12 * Math.sin(x * 40))} className={id === "dropout" ? "stroke-slate-400" : "stroke-amber-600"} />
          {id === "dropout" ? <polyline points={curve(bump)} className="stroke-accent-600" /> : null}
        </>
      );
    case "hitters":
      return (
        <>
          {[0.75, 0.62, 0.55].map((h, i) => (
            <rect key={i} x={28 + i * 40} y={H - 8 - h * (H - 16)} width={24} height={h * (H - 16)} className={i === 2 ? "fill-accent-600" : "fill-slate-400"} />
          ))}
        </>
      );
    case "minibatch-sgd":
      return (
        <>
          <polyline points={curve((x) => 0.15 + 0.7 * Math.exp(-4 * x) + 0.08 * Math.sin(x * 90))} className="stroke-slate-400" />
          <polyline points={curve((x) => 0.15 + 0.7 * Math.exp(-4 * x))} className="stroke-accent-600" />
        </>
      );
    case "mnist-mlp":
    case "cnn-vs-mlp":
      return (
        <>
          <Grid x={10} y={8} cells={8} size={7} shade={digit} />
          {(id === "mnist-mlp" ? [0.79, 0.84] : [0.9, 0.95]).map((h, i) => (
            <rect key={i} x={90 + i * 28} y={H - 8 - h * (H - 16)} width={20} height={h * (H - 16)} className={i === 1 ? "fill-accent-600" : "fill-slate-400"} />
          ))}
        </>
      );
    case "convolution":
      return (
        <>
          <Grid x={10} y={8} cells={8} size={7} shade={digit} />
          <rect x={17} y={15} width={21} height={21} fill="none" className="stroke-accent-600" strokeWidth={2} />
          <Grid x={96} y={8} cells={8} size={7} shade={(r, c) => (digit(r, c) !== digit(r, c + 1) ? 1 : 0)} />
        </>
      );
    case "max-pooling":
      return (
        <>
          <Grid x={12} y={8} cells={4} size={14} shade={(r, c) => ((r * 7 + c * 3) % 5) / 4} />
          <path d="M76 36 h14 m-5 -5 l5 5 l-5 5" fill="none" className="stroke-slate-400" />
          <Grid x={100} y={22} cells={2} size={14} shade={() => 1} />
        </>
      );
    case "dl-vs-methods":
      return (
        <>
          {[0.62, 0.6, 0.61].map((h, i) => (
            <rect key={i} x={28 + i * 40} y={H - 8 - h * (H - 16)} width={24} height={h * (H - 16)} className={i === 2 ? "fill-accent-600" : "fill-slate-400"} />
          ))}
          <path d={`M20 ${H - 8 - 0.6 * (H - 16)} H${W - 20}`} strokeDasharray="4 3" className="stroke-amber-600" />
        </>
      );
    case "weight-shapes":
      return (
        <>
          {[0, 1, 2, 3].map((i) => (
            <Grid key={i} x={8 + i * 38} y={8} cells={4} size={8} shade={(r, c) => ((r * 3 + c * (i + 2)) % 5) / 4} />
          ))}
          <rect x={8} y={48} width={56} height={16} className="fill-slate-400" />
          <rect x={72} y={48} width={28} height={16} className="fill-slate-400" />
          <rect x={108} y={48} width={12} height={16} className="fill-accent-600" />
        </>
      );
    case "rnn-nyse":
      return (
        <>
          <polyline points={curve((x) => 0.5 + 0.25 * Math.sin(x * 23) * Math.cos(x * 7))} className="stroke-slate-400" />
          <polyline points={curve((x) => 0.5 + 0.18 * Math.sin(x * 23 - 0.4) * Math.cos(x * 7))} className="stroke-accent-600" />
        </>
      );
    case "cnn-blocks":
      // Feature maps shrinking block by block while they get deeper: 32 × 32 × 3 → 16 × 16 → 8 × 8 → 4 × 4.
      return (
        <>
          {[
            { x: 10, side: 48, depth: 3 },
            { x: 70, side: 28, depth: 5 },
            { x: 110, side: 16, depth: 7 },
            { x: 138, side: 9, depth: 9 },
          ].map(({ x, side, depth }, block) =>
            Array.from({ length: depth }, (_, layer) => (
              <rect key={`${block}-${layer}`} x={x + layer * 1.5} y={(H - side) / 2 - layer * 1.5 + depth} width={side} height={side} className={block === 0 ? "fill-slate-100 stroke-slate-400 dark:fill-slate-800" : "fill-slate-100 stroke-accent-600 dark:fill-slate-800"} strokeWidth={1} />
            )),
          )}
        </>
      );
    case "lstm-embedding":
      // Words in a learned 2-D embedding: positive and negative adjectives apart, "not" on its own, fillers in a cluster.
      return (
        <>
          {[[30, 20], [38, 28], [26, 32]].map(([cx, cy], i) => <circle key={`p${i}`} cx={cx} cy={cy} r={3} className="fill-accent-600" />)}
          {[[128, 50], [136, 42], [122, 58]].map(([cx, cy], i) => <circle key={`n${i}`} cx={cx} cy={cy} r={3} className="fill-amber-600" />)}
          {[[76, 44], [82, 50], [72, 54], [86, 42], [78, 58]].map(([cx, cy], i) => <circle key={`f${i}`} cx={cx} cy={cy} r={2} className="fill-slate-400" />)}
          <circle cx={100} cy={16} r={3.5} className="fill-slate-500" />
        </>
      );
  }
}

export function SimPreview({ id }: { id: ExperimentId }) {
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} aria-hidden="true" focusable="false" className="h-auto w-full max-w-40 text-slate-500 dark:text-slate-400" fill="none" strokeWidth={2} data-testid="sim-preview">
      <rect x={0.5} y={0.5} width={W - 1} height={H - 1} rx={6} className="stroke-slate-200 dark:stroke-slate-700" strokeWidth={1} />
      <Picture id={id} />
    </svg>
  );
}
