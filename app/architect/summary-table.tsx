"use client";
import { useTranslations } from "next-intl";
import { formatNumber, type ConventionDifference, type Convention, type LayerDerivation } from "@/lib/model-core";
import { subscript } from "@/app/_components/network-diagram/layout";
import type { SummaryRow } from "./analysis";
import { Tex } from "./tex";

export function shapeText(shape: readonly number[]): string {
  return shape.map((value) => formatNumber(value)).join(" × ");
}

/**
 * ISLP's names for the dense weight matrices (§10.2): W₁, W₂, … and B for the output layer's.
 * While the network is incomplete (rows after an error), no layer is known to be the output.
 */
function islpMatrixNames(rows: readonly SummaryRow[]): Map<number, string> {
  const complete = rows.every((row) => row.kind === "layer");
  const dense = rows.flatMap((row) => (row.kind === "layer" && row.layer.islpWeightShape ? [row.layer.index] : []));
  return new Map(dense.map((index, i) => [index, complete && i === dense.length - 1 ? "B" : `W${subscript(i + 1)}`]));
}

/**
 * The network as Keras' `summary()` and torchinfo print it: one row per layer with its output
 * shape, its parameters and the worked formula, plus ISLP's weight-matrix shape for dense layers.
 * A layer PyTorch counts differently shows the other convention's count beside its own.
 */
export function SummaryTable({
  inputShape,
  rows,
  convention,
  conventions,
}: {
  inputShape?: readonly number[];
  rows: readonly SummaryRow[];
  convention: Convention;
  conventions?: ConventionDifference;
}) {
  const t = useTranslations("architect");
  const matrices = islpMatrixNames(rows);
  const other: Convention = convention === "keras" ? "pytorch" : "keras";
  const differing = new Map((conventions?.layers ?? []).map((layer) => [layer.index, layer]));
  return (
    <div className="relative -mx-1 overflow-x-auto px-1" role="region" aria-label={t("tableRegion")} tabIndex={0}>
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="summary-table">
        <caption className="sr-only">{t("tableCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-2 pr-3 font-semibold">{t("colLayer")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("colOutputShape")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">{t("colParams")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("colFormula")}</th>
            <th scope="col" className="py-2 font-semibold">{t("colIslpMatrix")}</th>
          </tr>
        </thead>
        <tbody>
          {inputShape ? (
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-medium">
                {t("inputRow")}
              </th>
              <td className="py-2 pr-3 font-mono">{shapeText(inputShape)}</td>
              <td className="py-2 pr-3 text-right font-mono tabular-nums">0</td>
              <td className="py-2 pr-3 text-slate-500 dark:text-slate-400">—</td>
              <td className="py-2 text-slate-500 dark:text-slate-400">—</td>
            </tr>
          ) : null}
          {rows.map((row) =>
            row.kind === "layer" ? (
              <LayerRow key={row.layer.index} layer={row.layer} matrix={matrices.get(row.layer.index)} other={other} otherParams={differing.get(row.layer.index)?.[other]} />
            ) : row.kind === "error" ? (
              <tr key={row.index} className="border-b border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/40" data-testid={`row-${row.index + 1}`}>
                <th scope="row" className="py-2 pr-3 align-top font-medium">
                  <RowName index={row.index} name={row.name} />
                </th>
                <td colSpan={4} className="py-2 align-top font-medium text-red-800 dark:text-red-200" data-testid="row-error">
                  <span aria-hidden="true">⚠ </span>
                  <span lang="en">{row.message}</span>
                </td>
              </tr>
            ) : (
              <tr key={row.index} className="border-b border-slate-200 text-slate-500 dark:border-slate-800 dark:text-slate-400" data-testid={`row-${row.index + 1}`}>
                <th scope="row" className="py-2 pr-3 font-medium">
                  <RowName index={row.index} name={row.name} />
                </th>
                <td colSpan={4} className="py-2 italic">{t("notChecked")}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function RowName({ index, name }: { index: number; name: string }) {
  return (
    <>
      <span className="mr-1.5 text-xs text-slate-500 tabular-nums dark:text-slate-400">{index + 1}</span>
      <span className="font-mono">{name}</span>
    </>
  );
}

function LayerRow({ layer, matrix, other, otherParams }: { layer: LayerDerivation; matrix?: string; other: Convention; otherParams?: number }) {
  const t = useTranslations("architect");
  return (
    <tr className="border-b border-slate-200 align-top dark:border-slate-800" data-testid={`row-${layer.index + 1}`}>
      <th scope="row" className="py-2 pr-3 font-medium">
        <RowName index={layer.index} name={layer.name} />
      </th>
      <td className="py-2 pr-3">
        <span className="font-mono">{shapeText(layer.outputShape)}</span>
        {layer.shapeFormula && layer.shapeFormulaTex ? (
          <Tex tex={layer.shapeFormulaTex} text={layer.shapeFormula} className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400" />
        ) : null}
      </td>
      <td className="py-2 pr-3 text-right font-mono tabular-nums" data-testid="row-params">
        {formatNumber(layer.params)}
        {layer.nonTrainable > 0 ? (
          <span className="block text-xs font-sans text-slate-600 dark:text-slate-400">{t("nonTrainableShort", { count: formatNumber(layer.nonTrainable) })}</span>
        ) : null}
        {otherParams !== undefined ? (
          <span className="block text-xs font-sans text-amber-800 dark:text-amber-300">
            {t("otherConventionShort", { convention: t(`conventionsShort.${other}`), count: formatNumber(otherParams) })}
          </span>
        ) : null}
      </td>
      <td className="py-2 pr-3">
        {layer.params === 0 ? <span className="text-slate-500 dark:text-slate-400">—</span> : <Tex tex={layer.formulaTex} text={layer.formula} />}
      </td>
      <td className="py-2 font-mono whitespace-nowrap">
        {matrix && layer.islpWeightShape ? (
          <>
            {matrix}: {formatNumber(layer.islpWeightShape[0])} × {formatNumber(layer.islpWeightShape[1])}
          </>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">—</span>
        )}
      </td>
    </tr>
  );
}
