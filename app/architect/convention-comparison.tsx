"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, type Convention, type ConventionDifference, type ConventionNote } from "@/lib/model-core";

/** Where the architecture has no direct PyTorch equivalent or means something else (shapes, padding, hardSigmoid). */
function ConventionNotes({ notes }: { notes: readonly ConventionNote[] }) {
  const locale = useLocale();
  if (notes.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="convention-notes">
      {notes.map((note) => (
        <li key={note.kind} data-kind={note.kind}>
          {note[locale]}
        </li>
      ))}
    </ul>
  );
}

/**
 * Keras/tfjs and PyTorch side by side, only where they part (docs/architecture.md "Model core: the PyTorch convention"): the second
 * bias vector of PyTorch's recurrent layers, and BatchNorm's moving statistics, which Keras counts
 * (non-trainable) and PyTorch keeps as buffers.
 */
export function ConventionComparison({ conventions, convention, notes }: { conventions: ConventionDifference; convention: Convention; notes: readonly ConventionNote[] }) {
  const t = useTranslations("architect");
  const locale = useLocale();
  if (conventions.layers.length === 0) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">{t("conventionsAgree", { total: formatNumber(conventions.keras.total) })}</p>
        <ConventionNotes notes={notes} />
      </div>
    );
  }
  const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {t("conventionsDiffer", {
          keras: formatNumber(conventions.keras.total),
          pytorch: formatNumber(conventions.pytorch.total),
          difference: signed(conventions.difference),
          current: t(`conventionsShort.${convention}`),
        })}
      </p>
      <div className="relative -mx-1 overflow-x-auto px-1" role="region" aria-label={t("conventionsRegion")} tabIndex={0}>
        <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="conventions-table">
          <caption className="sr-only">{t("conventionsCaption")}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="py-2 pr-3 font-semibold">{t("colLayer")}</th>
              <th scope="col" className="py-2 pr-3 font-semibold">{t("conventions.keras")}</th>
              <th scope="col" className="py-2 pr-3 font-semibold">{t("conventions.pytorch")}</th>
              <th scope="col" className="py-2 font-semibold">{t("colWhy")}</th>
            </tr>
          </thead>
          <tbody>
            {conventions.layers.map((layer) => (
              <tr key={layer.index} className="border-b border-slate-200 align-top dark:border-slate-800">
                <th scope="row" className="py-2 pr-3 font-mono font-medium">{layer.name}</th>
                <td className="py-2 pr-3">
                  <span className="font-mono tabular-nums">{formatNumber(layer.keras)}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{layer.kerasFormula}</span>
                </td>
                <td className="py-2 pr-3">
                  <span className="font-mono tabular-nums">{formatNumber(layer.pytorch)}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">{layer.pytorchFormula}</span>
                </td>
                <td className="py-2 text-slate-700 dark:text-slate-300">{layer.reason[locale]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-2 pr-3">{t("total")}</th>
              <td className="py-2 pr-3 font-mono tabular-nums">{formatNumber(conventions.keras.total)}</td>
              <td className="py-2 pr-3 font-mono tabular-nums">{formatNumber(conventions.pytorch.total)}</td>
              <td className="py-2 font-mono tabular-nums">{signed(conventions.difference)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <ConventionNotes notes={notes} />
    </div>
  );
}
