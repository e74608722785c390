"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import type { DeckError } from "@/lib/content";
import { api, ApiError } from "@/lib/api-client";
import { deckApi } from "./api";
import { PreviewPane } from "./preview-pane";
import { DEFAULT_VALUES, TEMPLATE_KINDS, templateFilePath, templateFileText, type TemplateFormValues, type TemplateKind } from "./template-kinds";
import { useLivePreview } from "./use-live-preview";
import { isId } from "@/lib/schemas/ids";

const ASK_OPTIONS = ["total", "weights", "biases"] as const;

function Field({ label, hint, children, id }: { label: string; hint?: string; children: React.ReactNode; id: string }) {
  return (
    <div>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The form for common template kinds: a few fields make a complete template (texts in both
 * languages, the answer from the model core, the closed form, a mistake), previewed live like the
 * editor's; saving adds it to the deck as templates/<id>.yaml and opens it in the editor.
 */
export function TemplateForm({ deckId, concepts, baseVersion }: { deckId: string; concepts: { id: string; name: string }[]; baseVersion: string | null }) {
  const t = useTranslations("author.form");
  const router = useRouter();
  const base = useId();
  const [values, setValues] = useState<TemplateFormValues>({ ...DEFAULT_VALUES, concept: concepts[0]?.id ?? "" });
  const [editedAt, setEditedAt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<DeckError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const idValid = isId(values.id);
  const path = templateFilePath(idValid ? values.id : "new-template");
  const text = useMemo(() => templateFileText({ ...values, id: idValid ? values.id : "new-template" }), [values, idValid]);
  const preview = useLivePreview({ deckId, path, text, line: 1, editedAt });

  function set<K extends keyof TemplateFormValues>(key: K, value: TemplateFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setEditedAt(performance.now());
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!idValid) {
      setMessage(t("idInvalid"));
      return;
    }
    setSaving(true);
    setMessage(null);
    setErrors([]);
    try {
      await api(`${deckApi(deckId)}/versions`, { body: { baseVersion, changes: [{ path, text }] } });
      router.push(`/author/decks/${encodeURIComponent(deckId)}/edit?file=${encodeURIComponent(path)}`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
      const errors = error instanceof ApiError ? error.list<DeckError>("errors") : undefined;
      if (errors) setErrors(errors);
      setSaving(false);
    }
  }

  const id = (name: string) => `${base}-${name}`;
  const input = (name: keyof TemplateFormValues, label: string, hint?: string) => (
    <Field id={id(name)} label={label} hint={hint}>
      <input
        id={id(name)}
        className="field-input font-mono"
        value={String(values[name])}
        onChange={(event) => set(name, event.target.value as never)}
        aria-describedby={hint ? `${id(name)}-hint` : undefined}
      />
    </Field>
  );
  // Options are YAML values (relu, lstm, keras); `optionLabel` words the ones that are not names.
  const select = <K extends keyof TemplateFormValues>(name: K, label: string, options: readonly string[], optionLabel?: (option: string) => string) => (
    <Field id={id(name)} label={label}>
      <select id={id(name)} className="field-input" value={String(values[name])} onChange={(event) => set(name, event.target.value as TemplateFormValues[K])}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel ? optionLabel(option) : option}
          </option>
        ))}
      </select>
    </Field>
  );

  // items-start: the form keeps its own height instead of stretching beside five tall variants.
  return (
    <div className="grid items-start gap-6 xl:grid-cols-2">
      <form className="card min-w-0 space-y-4" onSubmit={save} noValidate aria-describedby={message ? id("message") : undefined}>
        <Field id={id("kind")} label={t("kind")}>
          <select id={id("kind")} className="field-input" value={values.kind} onChange={(event) => set("kind", event.target.value as TemplateKind)}>
            {TEMPLATE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={id("id")} label={t("id")} hint={t("idHint")}>
            <input
              id={id("id")}
              className="field-input font-mono"
              value={values.id}
              onChange={(event) => set("id", event.target.value.trim().toLowerCase())}
              aria-invalid={values.id !== "" && !idValid}
              aria-describedby={`${id("id")}-hint`}
              required
            />
          </Field>
          <Field id={id("concept")} label={t("concept")}>
            <select id={id("concept")} className="field-input" value={values.concept} onChange={(event) => set("concept", event.target.value)}>
              {concepts.map((concept) => (
                <option key={concept.id} value={concept.id}>
                  {concept.name} ({concept.id})
                </option>
              ))}
            </select>
          </Field>
          {input("titleEn", t("titleEn"), t("titleHint"))}
          {input("titleKo", t("titleKo"), t("titleHint"))}
        </div>
        <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">{t("parameters")}</legend>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("rangeHint")}</p>
          {values.kind === "dense-params" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {input("inputs", t("inputs"))}
              {input("outputs", t("outputs"))}
              {values.hidden.map((range, index) => (
                <Field key={index} id={id(`hidden-${index}`)} label={t("hiddenLayer", { number: index + 1 })}>
                  <div className="flex gap-2">
                    <input
                      id={id(`hidden-${index}`)}
                      className="field-input font-mono"
                      value={range}
                      onChange={(event) =>
                        set(
                          "hidden",
                          values.hidden.map((current, i) => (i === index ? event.target.value : current)),
                        )
                      }
                    />
                    {values.hidden.length > 1 ? (
                      <button type="button" className="btn-secondary mt-1" onClick={() => set("hidden", values.hidden.filter((_, i) => i !== index))} aria-label={t("removeLayer", { number: index + 1 })}>
                        −
                      </button>
                    ) : null}
                  </div>
                </Field>
              ))}
              {values.hidden.length < 3 ? (
                <div className="flex items-end">
                  <button type="button" className="btn-secondary" onClick={() => set("hidden", [...values.hidden, "2..30"])}>
                    {t("addLayer")}
                  </button>
                </div>
              ) : null}
              {select("activation", t("activation"), ["relu", "sigmoid", "tanh"])}
              {select("ask", t("ask"), ASK_OPTIONS, (option) => t(`askOptions.${option as (typeof ASK_OPTIONS)[number]}`))}
            </div>
          ) : null}
          {values.kind === "rnn-params" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {select("rnnType", t("rnnType"), ["simpleRNN", "lstm", "gru"])}
              {select("convention", t("convention"), ["keras", "pytorch"])}
              {input("timesteps", t("timesteps"))}
              {input("features", t("features"))}
              {input("units", t("units"))}
            </div>
          ) : null}
          {values.kind === "conv-output-size" ? (
            <div className="grid gap-4 sm:grid-cols-3">
              {input("size", t("size"))}
              {input("kernel", t("kernel"))}
              {input("stride", t("stride"))}
            </div>
          ) : null}
          {values.kind === "activation-value" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {select("fn", t("fn"), ["sigmoid", "tanh", "relu"])}
              {input("z", t("z"))}
            </div>
          ) : null}
          {values.kind === "steps-per-epoch" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {input("examples", t("examples"))}
              {input("batch", t("batch"))}
            </div>
          ) : null}
          {values.kind === "dropout" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {input("dropoutUnits", t("dropoutUnits"))}
              {input("rate", t("rate"))}
            </div>
          ) : null}
        </fieldset>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">{t("yaml", { path })}</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded-lg bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800" data-testid="form-yaml">
            {text}
          </pre>
        </details>
        {message ? (
          <div id={id("message")} role="alert" className="text-sm text-red-700 dark:text-red-300">
            <p>{message}</p>
            {errors.length > 0 ? (
              <ul className="mt-1 list-disc pl-5">
                {errors.map((error, index) => (
                  <li key={index}>
                    <span className="font-mono">
                      {error.file}:{error.line}
                    </span>{" "}
                    {error.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={saving || !idValid}>
            {saving ? t("saving") : t("save")}
          </button>
          <Link className="btn-secondary" href={`/author/decks/${encodeURIComponent(deckId)}/edit`}>
            {t("openEditor")}
          </Link>
        </div>
      </form>
      <div className="min-w-0">
        <PreviewPane shown={preview.shown} pending={preview.pending} error={preview.error} onJump={() => undefined} path={path} />
      </div>
    </div>
  );
}
