"use client";
import { memo } from "react";
import { useTranslations } from "next-intl";
import { NetworkDiagram } from "@/app/_components/network-diagram";
import { formatValue, type Locale, type ModelPreview, type ModelRecord } from "@/lib/sim";
import { seriesColor } from "./format";

/**
 * The models the run will train, before it starts: each spec drawn, its parameter count by the
 * closed form, and how it is fitted. After a run, tfjs' own count of the model it built sits beside it.
 */
export const ModelPreviews = memo(function ModelPreviews({ previews, trained, locale }: { previews: readonly ModelPreview[]; trained: readonly ModelRecord[] | null; locale: Locale }) {
  const t = useTranslations("sim.models");
  return (
    <ul className={`grid gap-4 ${previews.length > 1 ? "md:grid-cols-2" : ""} ${previews.length > 3 ? "xl:grid-cols-3" : ""}`}>
      {previews.map((preview, index) => {
        const record = trained?.find((m) => m.id === preview.id);
        return (
          <li key={preview.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="sim-model" data-model-id={preview.id} data-params={preview.params}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="flex items-center gap-2 font-semibold">
                <span aria-hidden="true" className="inline-block size-3 rounded-full" style={{ backgroundColor: seriesColor(index) }} />
                {preview.label[locale]}
              </h3>
              <p className="text-sm tabular-nums">
                {t.rich("parameterCount", { count: formatValue(preview.params, "integer"), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
              </p>
            </div>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {preview.fit.kind === "least-squares"
                ? t("leastSquares")
                : preview.fit.kind === "lasso"
                  ? t("lasso", { folds: preview.fit.folds })
                  : t("gradient", {
                      optimizer: preview.fit.training.optimizer,
                      rate: String(preview.fit.training.learningRate),
                      batch: preview.fit.training.batchSize,
                      epochs: preview.fit.training.epochs,
                    })}
            </p>
            {record ? (
              <p className="mt-1 text-xs" data-testid="sim-params-verified" data-verified={record.paramsVerified}>
                {record.paramsVerified
                  ? t("verified", { count: formatValue(record.tfjsParams ?? NaN, "integer") })
                  : t("notVerified", { count: formatValue(record.tfjsParams ?? NaN, "integer") })}
              </p>
            ) : null}
            <details className="mt-2" open={previews.length <= 2}>
              <summary className="cursor-pointer text-sm text-accent-700 dark:text-accent-300">{t("diagram")}</summary>
              <div className="mt-2 overflow-x-auto">
                <NetworkDiagram spec={preview.spec} className="max-h-80 w-full" />
              </div>
            </details>
          </li>
        );
      })}
    </ul>
  );
});
