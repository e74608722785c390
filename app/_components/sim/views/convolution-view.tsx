"use client";
import { useId, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { convolutionCell, formatValue, type Filter, type Grid, type Locale } from "@/lib/sim";
import { CellHighlight, GridImage } from "../grid-image";
import type { ViewProps } from "./outcome-types";

interface FeatureMap {
  filter: Filter;
  map: Grid;
}

const fixed = (value: number) => (Math.abs(value) < 0.005 ? "0" : value.toFixed(2));

function SmallMatrix({ values, size, caption, highlight = false }: { values: readonly number[]; size: number; caption: string; highlight?: boolean }) {
  return (
    <table className="border-collapse text-center font-mono text-xs tabular-nums">
      <caption className="mb-1 text-left font-sans text-xs font-medium text-slate-600 dark:text-slate-400">{caption}</caption>
      <tbody>
        {Array.from({ length: size }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: size }, (_, c) => (
              <td key={c} className={`min-w-12 border border-slate-300 px-1.5 py-1 dark:border-slate-700 ${highlight ? "bg-pink-50 dark:bg-pink-950" : ""}`}>
                {fixed(values[r * size + c] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function strongestCell(map: Grid): { row: number; column: number } {
  let best = 0;
  map.values.forEach((v, i) => {
    if (v > (map.values[best] ?? -Infinity)) best = i;
  });
  return { row: Math.floor(best / map.width), column: best % map.width };
}

/**
 * A feature map to explore: hover or click a cell, or focus the map and move with the arrow keys;
 * the digit shows the 3 × 3 patch under the filter, and the panel the patch, the filter, their
 * element-wise products and the dot product (+ bias) that gives the cell.
 */
function MapInspector({ digit, feature, locale }: { digit: Grid; feature: FeatureMap; locale: Locale }) {
  const t = useTranslations("sim.views.convolution");
  const [cell, setCell] = useState(() => strongestCell(feature.map));
  const panelId = useId();
  const { map, filter } = feature;
  const row = Math.min(cell.row, map.height - 1);
  const column = Math.min(cell.column, map.width - 1);
  const work = convolutionCell(digit, filter, row, column);
  const move = (dr: number, dc: number) => setCell({ row: Math.max(0, Math.min(map.height - 1, row + dr)), column: Math.max(0, Math.min(map.width - 1, column + dc)) });
  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = moves[event.key];
    if (step) {
      event.preventDefault();
      move(step[0], step[1]);
    } else if (event.key === "Home") {
      event.preventDefault();
      setCell({ row: 0, column: 0 });
    } else if (event.key === "End") {
      event.preventDefault();
      setCell({ row: map.height - 1, column: map.width - 1 });
    }
  };
  const pick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const c = Math.floor(((event.clientX - box.left) / box.width) * map.width);
    const r = Math.floor(((event.clientY - box.top) / box.height) * map.height);
    if (r >= 0 && r < map.height && c >= 0 && c < map.width && (r !== row || c !== column)) setCell({ row: r, column: c });
  };
  return (
    <div className="flex flex-wrap items-start gap-6">
      <figure className="space-y-1">
        <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-400">{t("digitWithPatch")}</figcaption>
        <GridImage
          grid={digit}
          label={t("digitAlt", { row: row + 1, column: column + 1 })}
          size={168}
          overlay={<CellHighlight row={row} column={column} rows={filter.size} columns={filter.size} width={digit.width} height={digit.height} />}
        />
      </figure>
      <figure className="space-y-1">
        <figcaption className="text-xs font-medium text-slate-600 dark:text-slate-400">{t("mapOf", { filter: filter.name[locale] })}</figcaption>
        <div
          tabIndex={0}
          role="group"
          aria-roledescription={t("mapRole")}
          aria-label={t("mapLabel", { filter: filter.name[locale], row: row + 1, column: column + 1, value: fixed(work.value) })}
          aria-describedby={panelId}
          className="cursor-crosshair rounded-sm"
          onKeyDown={onKey}
          onMouseMove={pick}
          onClick={pick}
          data-testid="sim-feature-map"
        >
          <GridImage
            grid={map}
            palette="diverging"
            label={t("mapAlt", { filter: filter.name[locale], height: map.height, width: map.width })}
            size={182}
            overlay={<CellHighlight row={row} column={column} width={map.width} height={map.height} />}
          />
        </div>
        <p className="max-w-48 text-xs text-slate-600 dark:text-slate-400">{t("mapHint")}</p>
      </figure>
      <div id={panelId} className="space-y-3" aria-live="polite" data-testid="sim-conv-cell" data-row={row} data-column={column} data-value={work.value}>
        <p className="text-sm font-medium">{t("cellHeading", { row: row + 1, column: column + 1 })}</p>
        <div className="flex flex-wrap items-center gap-3">
          <SmallMatrix values={work.patch} size={filter.size} caption={t("patch")} highlight />
          <span aria-hidden="true" className="text-lg">
            ⊙
          </span>
          <SmallMatrix values={work.weights} size={filter.size} caption={t("filter")} />
          <span aria-hidden="true" className="text-lg">
            =
          </span>
          <SmallMatrix values={work.products} size={filter.size} caption={t("products")} />
        </div>
        <p className="font-mono text-sm tabular-nums">
          {t("sum", { dot: fixed(work.dot), bias: fixed(work.bias), value: fixed(work.value) })}
        </p>
      </div>
    </div>
  );
}

/** Experiment 8: a digit's feature maps for fixed edge filters and for the filters a tiny CNN learned. */
export function ConvolutionView({ outcome, locale }: ViewProps<"convolution">) {
  const t = useTranslations("sim.views.convolution");
  const { extras } = outcome;
  const maps: { key: string; group: "edge" | "learned"; feature: FeatureMap }[] = [
    ...extras.edgeMaps.map((feature, i) => ({ key: `edge-${i}`, group: "edge" as const, feature })),
    ...extras.learnedMaps.map((feature, i) => ({ key: `learned-${i}`, group: "learned" as const, feature })),
  ];
  const [selected, setSelected] = useState(0);
  const current = maps[Math.min(selected, maps.length - 1)];
  return (
    <div className="space-y-6">
      <p className="text-sm">
        {t("intro", { label: extras.label, index: extras.testIndex, accuracy: formatValue(extras.testAccuracy, "percent"), agreement: extras.tfjsAgreement.toExponential(1) })}
      </p>
      {(["edge", "learned"] as const).map((group) => (
        <fieldset key={group} className="space-y-2">
          <legend className="text-sm font-medium">{group === "edge" ? t("edgeFilters") : t("learnedFilters")}</legend>
          <div className="flex flex-wrap gap-3">
            {maps.map((entry, index) =>
              entry.group !== group ? null : (
                <button
                  key={entry.key}
                  type="button"
                  aria-pressed={index === selected}
                  onClick={() => setSelected(index)}
                  className={`flex flex-col items-center gap-1 rounded-lg border p-2 text-xs ${index === selected ? "border-accent-600 ring-2 ring-accent-500/40" : "border-slate-200 dark:border-slate-700"}`}
                >
                  <GridImage grid={entry.feature.map} palette="diverging" label={t("mapAlt", { filter: entry.feature.filter.name[locale], height: entry.feature.map.height, width: entry.feature.map.width })} size={72} />
                  <span>{entry.feature.filter.name[locale]}</span>
                </button>
              ),
            )}
          </div>
        </fieldset>
      ))}
      {/* Keyed by map: choosing another starts at its strongest response. */}
      {current ? <MapInspector key={current.key} digit={extras.digit} feature={current.feature} locale={locale} /> : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("legend")}</p>
    </div>
  );
}
