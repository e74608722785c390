import type { AnyOutcome, CompletedOutcome, ExperimentId, ExtrasOf, ModelPreview, SettingsOf, Locale } from "@/lib/sim";

export type CompletedOf<K extends ExperimentId> = CompletedOutcome<SettingsOf<K>, ExtrasOf<K>>;

/** The outcome as experiment K's completed run (the protocol's union does not narrow on the id by itself). */
export function completedOf<K extends ExperimentId>(outcome: AnyOutcome | null, id: K): CompletedOf<K> | null {
  if (!outcome || outcome.experimentId !== id || outcome.status !== "completed") return null;
  return outcome as unknown as CompletedOf<K>;
}

export interface ViewProps<K extends ExperimentId> {
  outcome: CompletedOf<K>;
  previews: readonly ModelPreview[];
  locale: Locale;
}

/** A model's label and colour index, by id, as the previews list them. */
export function modelIndex(previews: readonly ModelPreview[], id: string): number {
  const index = previews.findIndex((p) => p.id === id);
  return index < 0 ? 0 : index;
}

export function labelOf(previews: readonly ModelPreview[], id: string, locale: Locale): string {
  return previews.find((p) => p.id === id)?.label[locale] ?? id;
}
