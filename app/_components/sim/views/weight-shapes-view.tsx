"use client";
import { useTranslations } from "next-intl";
import { formatValue } from "@/lib/sim";
import { DataTable } from "../../data-table";
import { GridImage } from "../grid-image";
import type { ViewProps } from "./outcome-types";

const shape = (dims: readonly number[]) => dims.map((dim) => formatValue(dim, "integer")).join(" × ");

/** Each layer's matrix as the course writes it and as tfjs holds it, both parameter counts, and the first layer's weights as images. */
export function WeightShapesView({ outcome }: ViewProps<"weight-shapes">) {
  const t = useTranslations("sim.views.weightShapes");
  const { layers, firstLayer } = outcome.extras;
  return (
    <div className="space-y-6">
      <DataTable
        look="figure"
        caption={t("tableCaption")}
        testId="sim-weight-shapes"
        columns={[
          { label: t("matrix") },
          { label: t("islpShape"), numeric: true },
          { label: t("tfjsShapes"), numeric: true },
          { label: t("tfjsParams"), numeric: true },
          { label: t("closedForm"), numeric: true },
          { label: t("agree") },
        ]}
      >
        {layers.map((layer) => (
          <tr
            key={layer.matrix}
            data-testid="sim-weight-layer"
            data-matrix={layer.matrix}
            data-islp-shape={layer.islpShape.join("x")}
            data-tfjs-params={layer.tfjsParams}
            data-closed-form-params={layer.closedFormParams}
          >
            <th scope="row" className="py-1 pr-3 text-left font-semibold">
              {layer.matrix}
            </th>
            <td className="py-1 pr-3 text-right">{shape(layer.islpShape)}</td>
            <td className="py-1 pr-3 text-right">{t("kernelAndBias", { kernel: shape(layer.kernelShape), bias: shape(layer.biasShape) })}</td>
            <td className="py-1 pr-3 text-right">{formatValue(layer.tfjsParams, "integer")}</td>
            <td className="py-1 pr-3 text-right">{layer.formula}</td>
            <td className="py-1">{layer.tfjsParams === layer.closedFormParams ? t("yes") : t("no")}</td>
          </tr>
        ))}
      </DataTable>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t("conventions")}</p>
      <figure className="space-y-2">
        <figcaption className="text-sm font-medium">{t("imagesTitle", { shown: firstLayer.images.length, units: firstLayer.units })}</figcaption>
        <p className="text-xs text-slate-600 dark:text-slate-400">{t("imagesNote")}</p>
        <ul className="flex flex-wrap gap-2" data-testid="sim-first-layer-weights">
          {firstLayer.images.map((values, unit) => (
            <li key={unit} className="flex flex-col items-center gap-0.5 text-xs tabular-nums text-slate-600 dark:text-slate-400">
              <GridImage grid={{ width: 28, height: 28, values }} palette="diverging" size={56} label={t("imageAlt", { unit: unit + 1 })} />
              {unit + 1}
            </li>
          ))}
        </ul>
      </figure>
    </div>
  );
}
