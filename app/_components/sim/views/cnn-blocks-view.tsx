"use client";
import { useTranslations } from "next-intl";
import { formatValue, SHAPE_CLASSES } from "@/lib/sim";
import { RgbImage } from "../rgb-image";
import type { ViewProps } from "./outcome-types";

const shape = (values: readonly number[]) => values.join(" × ");

/** A learned 3 × 3 × 3 filter stretched to [0, 1] over its own range, so its colour pattern shows. */
function stretched(weights: readonly number[]): number[] {
  const low = Math.min(...weights);
  const high = Math.max(...weights);
  return weights.map((w) => (high > low ? (w - low) / (high - low) : 0.5));
}

/** Experiment 12: every layer read two ways (closed form, TensorFlow.js), the first block's learned colour filters, test shapes. */
export function CnnBlocksView({ outcome }: ViewProps<"cnn-blocks">) {
  const t = useTranslations("sim.views.cnnBlocks");
  const { extras } = outcome;
  const [input] = outcome.models.map((m) => m.spec.input);
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">{t("dataNote")}</p>
      <div className="overflow-x-auto" role="region" aria-label={t("tableCaption")} tabIndex={0}>
        <table className="min-w-full text-left text-sm tabular-nums" data-testid="sim-layer-table" data-agrees={extras.agrees}>
          <caption className="mb-2 text-left text-sm font-medium">{t("tableCaption")}</caption>
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-3">{t("layer")}</th>
              <th scope="col" className="py-1 pr-3">{t("closedShape")}</th>
              <th scope="col" className="py-1 pr-3">{t("tfjsShape")}</th>
              <th scope="col" className="py-1 pr-3">{t("closedParams")}</th>
              <th scope="col" className="py-1 pr-3">{t("tfjsParams")}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 font-mono font-normal">{t("input")}</th>
              <td className="py-1 pr-3" colSpan={4}>{shape(input ?? [])}</td>
            </tr>
            {extras.layers.map((row) => {
              const same = row.closedShape.join("x") === row.tfjsShape.join("x") && row.closedParams === row.tfjsParams;
              return (
                <tr key={row.index} className="border-t border-slate-200 dark:border-slate-800" data-testid="sim-layer-row" data-layer-type={row.type} data-closed-shape={row.closedShape.join("x")} data-tfjs-shape={row.tfjsShape.join("x")} data-closed-params={row.closedParams} data-tfjs-params={row.tfjsParams}>
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">{row.name}</th>
                  <td className="py-1 pr-3">
                    {shape(row.closedShape)}
                    {row.shapeFormula ? <span className="block text-xs text-slate-600 dark:text-slate-400">{row.shapeFormula}</span> : null}
                  </td>
                  <td className={`py-1 pr-3 ${same ? "" : "font-semibold text-red-700 dark:text-red-400"}`}>{shape(row.tfjsShape)}</td>
                  <td className="py-1 pr-3">
                    {formatValue(row.closedParams, "integer")}
                    {row.closedParams > 0 ? <span className="block text-xs text-slate-600 dark:text-slate-400">{row.formula}</span> : null}
                  </td>
                  <td className={`py-1 pr-3 ${same ? "" : "font-semibold text-red-700 dark:text-red-400"}`}>{formatValue(row.tfjsParams, "integer")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-2 text-sm" data-testid="sim-layer-check">{extras.agrees ? t("agrees") : t("disagrees")}</p>
      </div>
      <section className="space-y-2" aria-labelledby="sim-filters-title">
        <h3 id="sim-filters-title" className="text-sm font-medium">{t("filtersTitle", { count: extras.filters.length })}</h3>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("filtersNote")}</p>
        <ul className="flex flex-wrap gap-3" data-testid="sim-learned-filters">
          {extras.filters.map((filter, f) => (
            <li key={f} className="flex flex-col items-center gap-1 text-xs">
              <RgbImage values={stretched(filter.weights)} width={3} height={3} size={48} label={t("filterAlt", { n: f + 1 })} />
              <span>{t("filterN", { n: f + 1 })}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-2" aria-labelledby="sim-examples-title">
        <h3 id="sim-examples-title" className="text-sm font-medium">{t("examplesTitle", { accuracy: formatValue(extras.testAccuracy, "percent") })}</h3>
        <ul className="flex flex-wrap gap-3" data-testid="sim-shape-examples">
          {extras.examples.map((example, i) => {
            const actual = t(`shapes.${SHAPE_CLASSES[example.label] ?? "disc"}`);
            const predicted = t(`shapes.${SHAPE_CLASSES[example.predicted] ?? "disc"}`);
            const right = example.label === example.predicted;
            return (
              <li key={i} className="flex w-20 flex-col items-center gap-1 text-center text-xs">
                <RgbImage values={example.pixels} width={32} height={32} size={64} label={t("exampleAlt", { actual, predicted })} />
                <span className={right ? "" : "font-semibold text-red-700 dark:text-red-400"}>
                  {right ? predicted : t("wrong", { actual, predicted })} ({formatValue(example.confidence, "percent")})
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
