"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ACTIVATIONS, CONVENTIONS, LAYER_TYPES, layerNames, type Convention, type LayerType } from "@/lib/model-core";
import type { SpecProblem } from "./analysis";
import { LAYER_FIELDS, isLayerType, newLayer, type Draft, type DraftLayer, type FieldSpec, type FieldValue } from "./draft";

/** After a move, remove or add, focus stays with what the person was working on. */
type FocusTarget = { id: string; fallback?: string };

export function LayerForm({ draft, problem, onChange }: { draft: Draft; problem?: SpecProblem; onChange: (draft: Draft) => void }) {
  const t = useTranslations("architect");
  const [newType, setNewType] = useState<LayerType>("dense");
  const nextKey = useRef(0);
  const focusAfterRender = useRef<FocusTarget | null>(null);
  const names = layerNames(draft.layers);

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    const element = document.getElementById(target.id) as HTMLButtonElement | null;
    if (element && !element.disabled) element.focus();
    else if (target.fallback) document.getElementById(target.fallback)?.focus();
  });

  const setLayers = (layers: DraftLayer[]) => onChange({ ...draft, layers });
  const updateLayer = (index: number, layer: DraftLayer) => setLayers(draft.layers.map((current, i) => (i === index ? layer : current)));

  function move(index: number, by: -1 | 1, button: "up" | "down") {
    const to = index + by;
    const layer = draft.layers[index];
    const other = draft.layers[to];
    if (!layer || !other) return;
    const layers = [...draft.layers];
    layers[to] = layer;
    layers[index] = other;
    focusAfterRender.current = { id: `${layer.key}-${button}`, fallback: `${layer.key}-${button === "up" ? "down" : "up"}` };
    setLayers(layers);
  }

  function remove(index: number) {
    if (draft.layers.length <= 1) return;
    const neighbour = draft.layers[index + 1] ?? draft.layers[index - 1];
    focusAfterRender.current = { id: neighbour ? `${neighbour.key}-type` : "add-layer" };
    setLayers(draft.layers.filter((_, i) => i !== index));
  }

  function add() {
    nextKey.current += 1;
    const layer = newLayer(newType, `added-${nextKey.current}`);
    focusAfterRender.current = { id: `${layer.key}-type` };
    setLayers([...draft.layers, layer]);
  }

  const inputError = problem?.layerIndex === undefined && problem?.field === "input" ? problem.message : undefined;
  const conventionError = problem?.layerIndex === undefined && problem?.field === "convention" ? problem.message : undefined;

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        <Field id="spec-input" label={t("inputShape")} hint={t("inputShapeHint")} error={inputError}>
          {(props) => (
            <input
              {...props}
              className="field-input font-mono"
              inputMode="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.input}
              onChange={(event) => onChange({ ...draft, input: event.target.value })}
            />
          )}
        </Field>
        <Field id="spec-convention" label={t("convention")} hint={t("conventionHint")} error={conventionError}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={draft.convention}
              onChange={(event) => onChange({ ...draft, convention: event.target.value as Convention })}
            >
              {CONVENTIONS.map((convention) => (
                <option key={convention} value={convention}>
                  {t(`conventions.${convention}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <ol className="space-y-3" aria-label={t("layersHeading")}>
        {draft.layers.map((layer, index) => (
          <li key={layer.key}>
            <LayerFieldset
              layer={layer}
              index={index}
              name={names[index] ?? layer.type}
              count={draft.layers.length}
              problem={problem?.layerIndex === index ? problem : undefined}
              onChange={(next) => updateLayer(index, next)}
              onMove={(by, button) => move(index, by, button)}
              onRemove={() => remove(index)}
            />
          </li>
        ))}
      </ol>

      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="new-layer-type" className="field-label">
            {t("newLayerType")}
          </label>
          <select
            id="new-layer-type"
            className="field-input"
            value={newType}
            onChange={(event) => {
              if (isLayerType(event.target.value)) setNewType(event.target.value);
            }}
          >
            {LAYER_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button id="add-layer" type="button" className="btn-secondary" onClick={add} disabled={draft.layers.length >= 64}>
          {t("addLayer")}
        </button>
      </div>
    </div>
  );
}

interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A label, a control, and the hint or the error tied to it with aria-describedby. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (props: ControlProps) => ReactNode }) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const props: ControlProps = { id };
  if (error) props["aria-invalid"] = true;
  if (describedBy) props["aria-describedby"] = describedBy;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(props)}
      {error ? (
        <p id={`${id}-error`} className="field-error" lang="en" data-testid="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function LayerFieldset({
  layer,
  index,
  name,
  count,
  problem,
  onChange,
  onMove,
  onRemove,
}: {
  layer: DraftLayer;
  index: number;
  name: string;
  count: number;
  problem?: SpecProblem;
  onChange: (layer: DraftLayer) => void;
  onMove: (by: -1 | 1, button: "up" | "down") => void;
  onRemove: () => void;
}) {
  const t = useTranslations("architect");
  const fields = LAYER_FIELDS[layer.type];
  const fieldNames = new Set(fields.map((field) => field.name));
  // A problem with no field (or a field the form does not show) is the layer's own: shown under the type.
  const layerError = problem && (!problem.field || !fieldNames.has(problem.field)) ? problem.message : undefined;
  const number = index + 1;
  const setValue = (field: string, value: FieldValue) => onChange({ ...layer, values: { ...layer.values, [field]: value } });

  return (
    <fieldset
      className={`rounded-lg border p-3 sm:p-4 ${problem ? "border-red-500 bg-red-50/50 dark:border-red-400 dark:bg-red-950/30" : "border-slate-200 dark:border-slate-700"}`}
      data-testid={`layer-${number}`}
    >
      <legend className="px-1 text-sm font-semibold">
        {t("layerLegend", { number, name })}
      </legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${layer.key}-type`} label={t("layerType")} error={layerError}>
          {(props) => (
            <select
              {...props}
              className="field-input"
              value={layer.type}
              onChange={(event) => {
                if (isLayerType(event.target.value)) onChange(newLayer(event.target.value, layer.key, layer));
              }}
            >
              {LAYER_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {fields.map((field) => (
          <LayerField
            key={field.name}
            id={`${layer.key}-${field.name}`}
            field={field}
            value={layer.values[field.name]}
            error={problem?.field === field.name ? problem.message : undefined}
            onChange={(value) => setValue(field.name, value)}
          />
        ))}
      </div>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <button
          id={`${layer.key}-up`}
          type="button"
          className="btn-secondary px-3 py-1.5"
          onClick={() => onMove(-1, "up")}
          disabled={index === 0}
          aria-label={t("moveUp", { number })}
        >
          <span aria-hidden="true">↑</span>
          <span className="hidden sm:inline" aria-hidden="true">{t("up")}</span>
        </button>
        <button
          id={`${layer.key}-down`}
          type="button"
          className="btn-secondary px-3 py-1.5"
          onClick={() => onMove(1, "down")}
          disabled={index === count - 1}
          aria-label={t("moveDown", { number })}
        >
          <span aria-hidden="true">↓</span>
          <span className="hidden sm:inline" aria-hidden="true">{t("down")}</span>
        </button>
        <button
          id={`${layer.key}-remove`}
          type="button"
          className="btn-secondary px-3 py-1.5 text-red-700 dark:text-red-300"
          onClick={onRemove}
          disabled={count <= 1}
          aria-label={t("removeLayer", { number })}
        >
          <span aria-hidden="true">✕</span>
          <span className="hidden sm:inline" aria-hidden="true">{t("remove")}</span>
        </button>
      </div>
    </fieldset>
  );
}

function LayerField({ id, field, value, error, onChange }: { id: string; field: FieldSpec; value: FieldValue | undefined; error?: string; onChange: (value: FieldValue) => void }) {
  const t = useTranslations("architect");
  const label = t(`fields.${field.name}`);
  if (field.kind === "flag") {
    return (
      <div className="flex flex-col justify-end">
        <label htmlFor={id} className="flex items-center gap-2 py-2 text-sm font-medium text-slate-700 dark:text-slate-300">
          <input
            id={id}
            type="checkbox"
            className="h-4 w-4 rounded border-slate-400 accent-accent-600"
            checked={value === true}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </label>
        {error ? (
          <p id={`${id}-error`} className="field-error" lang="en" data-testid="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const text = typeof value === "string" ? value : "";
  const hint = field.kind === "window" ? t(field.required ? "windowHint" : "optionalWindowHint") : undefined;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(props) =>
        field.kind === "activation" ? (
          <select {...props} className="field-input" value={text} onChange={(event) => onChange(event.target.value)}>
            <option value="">{field.required ? t("chooseActivation") : t("noActivation")}</option>
            {ACTIVATIONS.map((activation) => (
              <option key={activation} value={activation}>
                {activation}
              </option>
            ))}
          </select>
        ) : field.kind === "padding" ? (
          <select {...props} className="field-input" value={text} onChange={(event) => onChange(event.target.value)}>
            <option value="valid">{t("paddingValid")}</option>
            <option value="same">{t("paddingSame")}</option>
          </select>
        ) : (
          <input
            {...props}
            className="field-input font-mono"
            inputMode={field.kind === "rate" ? "decimal" : field.kind === "count" ? "numeric" : "text"}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
