import { useTranslations } from "next-intl";
import { deriveArchitecture, formatNumber, type ArchitectureDerivation, type ArchitectureSpec } from "@/lib/model-core";
import { TexMath } from "@/app/_components/math-text";

const shapeText = (shape: readonly number[]) => shape.map((value) => formatNumber(value)).join(" × ");

/**
 * The model core's closed form of a question's network (deriveArchitecture): each layer's output
 * shape and parameters with the worked formula, ISLP's weight-matrix shape for dense layers, and the
 * total. The numbers are the student's own variant's.
 */
export function LayerTable({ spec }: { spec: ArchitectureSpec }) {
  const t = useTranslations("practice.layers");
  let derivation: ArchitectureDerivation;
  try {
    derivation = deriveArchitecture(spec);
  } catch {
    return null;
  }
  return (
    <div className="-mx-1 overflow-x-auto px-1" role="region" aria-label={t("region")} tabIndex={0}>
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm" data-testid="layer-table">
        <caption className="pb-2 text-left text-xs text-slate-600 dark:text-slate-400">
          {t("caption")} · {t("convention", { convention: derivation.convention === "pytorch" ? "PyTorch" : "Keras / TensorFlow.js" })}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-2 pr-3 font-semibold">{t("layer")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("outputShape")}</th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">{t("params")}</th>
            <th scope="col" className="py-2 pr-3 font-semibold">{t("formula")}</th>
            <th scope="col" className="py-2 font-semibold">{t("islpMatrix")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-2 pr-3 font-medium">{t("input")}</th>
            <td className="py-2 pr-3 font-mono">{shapeText(derivation.inputShape)}</td>
            <td className="py-2 pr-3 text-right font-mono">—</td>
            <td className="py-2 pr-3" />
            <td className="py-2" />
          </tr>
          {derivation.layers.map((layer) => (
            <tr key={layer.index} className="border-b border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="font-mono">{layer.name}</span>
              </th>
              <td className="py-2 pr-3 font-mono whitespace-nowrap">{shapeText(layer.outputShape)}</td>
              <td className="py-2 pr-3 text-right font-mono whitespace-nowrap">{formatNumber(layer.params)}</td>
              <td className="py-2 pr-3">{layer.params > 0 ? <TexMath tex={layer.formulaTex} /> : <span className="text-slate-500 dark:text-slate-400">0</span>}</td>
              <td className="py-2 font-mono whitespace-nowrap">{layer.islpWeightShape ? shapeText(layer.islpWeightShape) : ""}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2 pr-3 font-semibold">{t("total")}</th>
            <td className="py-2 pr-3" />
            <td className="py-2 pr-3 text-right font-mono font-semibold" data-testid="layer-total">{formatNumber(derivation.total)}</td>
            <td className="py-2 pr-3" />
            <td className="py-2" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
