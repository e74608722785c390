"use client";
import { useTranslations } from "next-intl";
import { formatValue, type Locale, type ModelPreview, type ModelRecord } from "@/lib/sim";
import type { DigitScores } from "@/lib/sim/experiments/shared/digit-results";
import { contrastOfLuminances as contrast, luminance } from "@/app/_components/color-contrast";
import { GridImage } from "../grid-image";
import { seriesColor } from "../format";
import { labelOf, modelIndex, type ViewProps } from "./outcome-types";

const DIGITS = Array.from({ length: 10 }, (_, i) => i);

const DARK_TEXT = luminance([15, 23, 42]);

/**
 * An opaque cell colour between white and indigo (right answers) or rose (confusions), with a text
 * colour that reads on it at 4.5:1, the same in light and dark mode. Mid-tones where neither dark
 * nor white text would reach 4.5:1 are deepened until white does.
 */
function cellColors(amount: number, right: boolean): { backgroundColor: string; color: string } {
  const base = right ? [67, 56, 202] : [159, 18, 57];
  for (let a = amount; ; a = Math.min(1, a + 0.05)) {
    const rgb = base.map((channel) => Math.round(255 - a * (255 - channel)));
    const l = luminance(rgb);
    if (contrast(l, DARK_TEXT) >= 4.5) return { backgroundColor: `rgb(${rgb.join(" ")})`, color: "#0f172a" };
    if (contrast(l, 1) >= 4.5 || a >= 1) return { backgroundColor: `rgb(${rgb.join(" ")})`, color: "#ffffff" };
  }
}

/** `confusion[actual][predicted]` as a table, shaded by the share of each actual digit's row. */
function ConfusionMatrix({ confusion, caption }: { confusion: number[][]; caption: string }) {
  const t = useTranslations("sim.views.digits");
  return (
    <div className="overflow-x-auto">
      <table className="border-collapse text-center text-xs tabular-nums" data-testid="sim-confusion">
        <caption className="mb-1 text-left text-sm font-medium">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-1 py-0.5 text-left font-normal text-slate-600 dark:text-slate-400">
              {t("actualPredicted")}
            </th>
            {DIGITS.map((d) => (
              <th key={d} scope="col" className="w-8 px-1 py-0.5 font-semibold">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DIGITS.map((actual) => {
            const row = confusion[actual] ?? [];
            const total = row.reduce((a, b) => a + b, 0);
            return (
              <tr key={actual}>
                <th scope="row" className="px-1 py-0.5 text-right font-semibold">
                  {actual}
                </th>
                {DIGITS.map((predicted) => {
                  const count = row[predicted] ?? 0;
                  const share = total === 0 ? 0 : count / total;
                  const right = actual === predicted;
                  const cell = cellColors(count === 0 ? 0 : right ? 0.15 + 0.85 * share : Math.min(1, 0.15 + 4 * share), right);
                  return (
                    <td
                      key={predicted}
                      className="h-7 w-8 border border-slate-200 px-1 dark:border-slate-800"
                      style={count === 0 ? undefined : cell}
                      title={t("cellTitle", { actual, predicted, count })}
                    >
                      {count === 0 ? "" : count}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Misclassified({ scores }: { scores: DigitScores }) {
  const t = useTranslations("sim.views.digits");
  if (scores.misclassified.length === 0) return null;
  return (
    <figure>
      <figcaption className="text-sm font-medium">{t("misclassifiedTitle", { shown: scores.misclassified.length, count: scores.misclassifiedCount })}</figcaption>
      <ul className="mt-2 flex flex-wrap gap-2" data-testid="sim-misclassified">
        {scores.misclassified.map((digit) => (
          <li key={digit.testIndex} className="flex flex-col items-center text-xs tabular-nums">
            <GridImage
              grid={{ height: 28, width: 28, values: digit.pixels.map((p) => p / 255) }}
              label={t("digitAlt", { label: digit.label, predicted: digit.predicted, confidence: formatValue(digit.confidence, "percent") })}
              size={56}
            />
            <span aria-hidden="true">
              {digit.label} → <span className="font-semibold text-pink-700 dark:text-pink-300">{digit.predicted}</span>
            </span>
            <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">
              {formatValue(digit.confidence, "percent")}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function ModelScores({ id, scores, record, previews, locale }: { id: string; scores: DigitScores; record: ModelRecord | undefined; previews: readonly ModelPreview[]; locale: Locale }) {
  const t = useTranslations("sim.views.digits");
  const label = labelOf(previews, id, locale);
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="sim-digit-scores" data-model-id={id} data-accuracy={scores.accuracy}>
      <h3 className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="inline-block size-3 rounded-full" style={{ backgroundColor: seriesColor(modelIndex(previews, id)) }} />
        {label}
      </h3>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">{t("accuracy")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="sim-accuracy">
            {formatValue(scores.accuracy, "percent")}
          </dd>
        </div>
        {record ? (
          <div>
            <dt className="text-sm text-slate-600 dark:text-slate-400">{t("parameters")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatValue(record.params, "integer")}</dd>
          </div>
        ) : null}
      </dl>
      <ConfusionMatrix confusion={scores.confusion} caption={t("confusionCaption", { model: label })} />
      <Misclassified scores={scores} />
    </section>
  );
}

/** Experiments 7 and 10: per model, test accuracy, the confusion matrix and the digits it got wrong. */
export function DigitsView({ outcome, previews, locale }: ViewProps<"mnist-mlp"> | ViewProps<"cnn-vs-mlp">) {
  const t = useTranslations("sim.views.digits");
  const scores: Record<string, DigitScores> = outcome.extras.scores;
  const ratio = "parameterRatio" in outcome.extras ? outcome.extras.parameterRatio : null;
  return (
    <div className="space-y-4">
      {ratio !== null ? <p className="text-sm">{t("ratio", { ratio: formatValue(ratio) })}</p> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {Object.entries(scores).map(([id, s]) => (
          <ModelScores key={id} id={id} scores={s} record={outcome.models.find((m) => m.id === id)} previews={previews} locale={locale} />
        ))}
      </div>
    </div>
  );
}
