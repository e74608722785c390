"use client";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { DataTable } from "@/app/_components/data-table";
import { EDGE_FILTERS, formatValue, type Grid, type Locale } from "@/lib/sim";
import { convolve, relu } from "@/lib/sim/vision/convolution";
import { shiftGrid } from "@/lib/sim/vision/image";
import { invariance, maxPool } from "@/lib/sim/vision/pooling";
import { GridImage } from "../grid-image";
import type { ViewProps } from "./outcome-types";

const SHIFT_LIMIT = 2;

function MapPair({ before, after, label, size, score }: { before: Grid; after: Grid; label: string; size: number; score: number }) {
  const t = useTranslations("sim.views.pooling");
  return (
    <figure className="space-y-1">
      <figcaption className="text-xs font-medium">{label}</figcaption>
      <div className="flex gap-2">
        <GridImage grid={before} palette="heat" label={t("mapAltBefore", { what: label })} size={size} />
        <GridImage grid={after} palette="heat" label={t("mapAltAfter", { what: label })} size={size} />
      </div>
      <p className="text-xs tabular-nums">{t("similarity", { score: formatValue(score) })}</p>
    </figure>
  );
}

/**
 * Shift the example digit with the arrows and watch a fixed edge filter's map move with it while the
 * 2 × 2 max-pooled map barely changes: computed here, exactly, from the digit (no training needed).
 */
function ShiftExplorer({ digit, locale, initial }: { digit: Grid; locale: Locale; initial: { right: number; down: number } }) {
  const t = useTranslations("sim.views.pooling");
  const [shift, setShift] = useState(initial);
  const [filterIndex, setFilterIndex] = useState(0);
  const filter = EDGE_FILTERS[filterIndex] ?? EDGE_FILTERS[0];
  const view = useMemo(() => {
    if (!filter) return null;
    const shifted = shiftGrid(digit, shift.right, shift.down);
    const convolution = relu(convolve(digit, filter));
    const shiftedConvolution = relu(convolve(shifted, filter));
    const pooled = maxPool(convolution);
    const shiftedPooled = maxPool(shiftedConvolution);
    return { shifted, convolution, shiftedConvolution, pooled, shiftedPooled, convolutionScore: invariance(convolution, shiftedConvolution), pooledScore: invariance(pooled, shiftedPooled) };
  }, [digit, filter, shift]);
  if (!view || !filter) return null;
  const nudge = (right: number, down: number) =>
    setShift((s) => ({ right: Math.max(-SHIFT_LIMIT, Math.min(SHIFT_LIMIT, s.right + right)), down: Math.max(-SHIFT_LIMIT, Math.min(SHIFT_LIMIT, s.down + down)) }));
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="shift-explorer-title" data-testid="sim-shift-explorer">
      <h3 id="shift-explorer-title" className="font-semibold">
        {t("explorerTitle")}
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("explorerLead")}</p>
      <div className="flex flex-wrap items-end gap-4">
        <div role="group" aria-label={t("shiftControls")} className="flex items-center gap-1">
          <button type="button" className="btn-secondary !px-3" onClick={() => nudge(-1, 0)} disabled={shift.right <= -SHIFT_LIMIT} aria-label={t("left")}>
            ←
          </button>
          <button type="button" className="btn-secondary !px-3" onClick={() => nudge(0, -1)} disabled={shift.down <= -SHIFT_LIMIT} aria-label={t("up")}>
            ↑
          </button>
          <button type="button" className="btn-secondary !px-3" onClick={() => nudge(0, 1)} disabled={shift.down >= SHIFT_LIMIT} aria-label={t("down")}>
            ↓
          </button>
          <button type="button" className="btn-secondary !px-3" onClick={() => nudge(1, 0)} disabled={shift.right >= SHIFT_LIMIT} aria-label={t("right")}>
            →
          </button>
          <button type="button" className="btn-secondary" onClick={() => setShift({ right: 0, down: 0 })}>
            {t("noShift")}
          </button>
        </div>
        <p className="text-sm tabular-nums" aria-live="polite" data-testid="sim-shift-state" data-pooled={view.pooledScore} data-convolution={view.convolutionScore}>
          {t("shiftState", { right: shift.right, down: shift.down })}
        </p>
        <label className="text-sm">
          <span className="field-label">{t("edgeFilter")}</span>
          <select className="field-input" value={filterIndex} onChange={(e) => setFilterIndex(Number(e.target.value))}>
            {EDGE_FILTERS.map((f, i) => (
              <option key={i} value={i}>
                {f.name[locale]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap gap-6">
        <figure className="space-y-1">
          <figcaption className="text-xs font-medium">{t("digitPair")}</figcaption>
          <div className="flex gap-2">
            <GridImage grid={digit} label={t("digitAlt")} size={84} />
            <GridImage grid={view.shifted} label={t("shiftedAlt", { right: shift.right, down: shift.down })} size={84} />
          </div>
        </figure>
        <MapPair before={view.convolution} after={view.shiftedConvolution} label={t("convolutionMaps")} size={84} score={view.convolutionScore} />
        <MapPair before={view.pooled} after={view.shiftedPooled} label={t("pooledMaps")} size={84} score={view.pooledScore} />
      </div>
    </section>
  );
}

/** Experiment 9: the location-invariance scores of the trained CNN's maps, an example, and the shift explorer. */
export function PoolingView({ outcome, locale }: ViewProps<"max-pooling">) {
  const t = useTranslations("sim.views.pooling");
  const { extras } = outcome;
  const { example } = extras;
  return (
    <div className="space-y-6">
      <DataTable
        look="figure"
        caption={t("scoresCaption")}
        columns={[
          { label: t("shift") },
          { label: t("convolutionScore") },
          { label: t("pooledScore") },
        ]}
        testId="sim-invariance"
      >
        {extras.scores.map((score) => (
          <tr key={score.pixels} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-normal">{t("pixels", { pixels: score.pixels })}</th>
            <td className="py-1 pr-3">{formatValue(score.convolution)}</td>
            <td className="py-1 font-semibold">{formatValue(score.pooled)}</td>
          </tr>
        ))}
      </DataTable>
      <p className="text-sm">
        {t("shiftedAccuracy", { list: extras.shiftedAccuracy.map((a) => `${t("pixels", { pixels: a.pixels })}: ${formatValue(a.accuracy, "percent")}`).join(", ") })}
      </p>
      <section className="space-y-3">
        <h3 className="font-semibold">{t("exampleTitle", { label: example.label, right: example.shift.right, down: example.shift.down })}</h3>
        <div className="flex gap-2">
          <GridImage grid={example.digit} label={t("digitAlt")} size={84} />
          <GridImage grid={example.shifted} label={t("shiftedAlt", { right: example.shift.right, down: example.shift.down })} size={84} />
        </div>
        <ul className="flex flex-wrap gap-6">
          {example.maps.slice(0, 4).map((maps, i) => (
            <li key={i} className="space-y-2">
              <p className="text-xs font-medium">{t("filterN", { n: i + 1 })}</p>
              <MapPair before={maps.convolution} after={maps.shiftedConvolution} label={t("convolutionMaps")} size={64} score={maps.convolutionScore} />
              <MapPair before={maps.pooled} after={maps.shiftedPooled} label={t("pooledMaps")} size={64} score={maps.pooledScore} />
            </li>
          ))}
        </ul>
      </section>
      <ShiftExplorer digit={example.digit} locale={locale} initial={example.shift} />
    </div>
  );
}
