/**
 * What a deck looks like as flash cards (pure), for the CSV and Anki exports: every static card
 * once, and for every template a fixed sample of distinct variants (the same seeds on every export,
 * so a re-export updates rather than multiplies). Each row has a front (the question, with the options
 * of a multiple-choice card) and a back (the answer, then the worked solution or explanation), in
 * both languages.
 */
import { displayExpected } from "../questions/answer-values";
import { makeVariant } from "../questions/make-variant";
import { isTemplate, type Item } from "../questions/template-schema";
import type { Bilingual, Variant } from "../questions/types";
import { variantSeed } from "../questions/variant-seed";
import type { Deck } from "./deck-schema";

export const DEFAULT_SAMPLES_PER_TEMPLATE = 3;

export interface ExportRow {
  /** A card's id, or `<template-id>-sample-<n>` for the n-th sample of a template. */
  id: string;
  kind: "card" | "variant";
  itemId: string;
  itemType: Variant["itemType"];
  concept: string;
  seed: number;
  params: Variant["params"];
  front: Bilingual;
  back: Bilingual;
  tags: string[];
}

/** The seeds of a template's exported samples: fixed, and distinct from any student's. */
export function sampleSeeds(templateId: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => variantSeed(templateId, "export", i));
}

const ANSWER_LABEL: Bilingual = { ko: "정답", en: "Answer" };
const TRUE_FALSE: Record<string, Bilingual> = { true: { ko: "참 (O)", en: "True" }, false: { ko: "거짓 (X)", en: "False" } };

function frontOf(variant: Variant, language: keyof Bilingual): string {
  const choices = variant.choices?.map((choice) => `${choice.letter}. ${choice.text[language]}`).join("\n");
  return choices ? `${variant.prompt[language]}\n\n${choices}` : variant.prompt[language];
}

function backOf(variant: Variant, language: keyof Bilingual): string {
  // A static card's solution already leads with its answer; a template's ends with its computation.
  if (variant.itemType !== "parametric") return variant.solution[language];
  const expected = variant.expectedAnswer;
  const shown = expected.format === "boolean" ? (TRUE_FALSE[String(expected.value)]?.[language] ?? displayExpected(expected)) : displayExpected(expected);
  return `**${ANSWER_LABEL[language]}:** ${shown}\n\n${variant.solution[language]}`;
}

function tagsOf(deck: Deck, item: Item): string[] {
  return ["deepdrill", `deck::${deck.id}`, `concept::${item.concept}`, ...(isTemplate(item) ? [`template::${item.id}`] : [`type::${item.type}`])];
}

function rowOf(deck: Deck, item: Item, variant: Variant, id: string): ExportRow {
  return {
    id,
    kind: isTemplate(item) ? "variant" : "card",
    itemId: item.id,
    itemType: variant.itemType,
    concept: item.concept,
    seed: variant.seed,
    params: variant.params,
    front: { ko: frontOf(variant, "ko"), en: frontOf(variant, "en") },
    back: { ko: backOf(variant, "ko"), en: backOf(variant, "en") },
    tags: tagsOf(deck, item),
  };
}

export interface ExportRowOptions {
  samplesPerTemplate?: number;
  /** Makes a variant; the server passes one that also verifies it with TensorFlow.js. */
  make?: (item: Item, seed: number) => Variant;
}

/** Rows in deck order: templates (each with its samples), then static cards. */
export function exportRows(deck: Deck, options: ExportRowOptions = {}): ExportRow[] {
  const samples = options.samplesPerTemplate ?? DEFAULT_SAMPLES_PER_TEMPLATE;
  const make = options.make ?? ((item: Item, seed: number) => makeVariant(item, seed));
  const rows: ExportRow[] = [];
  for (const template of deck.templates) {
    // Samples with the same question would be one note in Anki (it matches notes by their front):
    // further fixed seeds are tried until the sample is complete or the template has no more.
    const fronts = new Set<string>();
    for (const seed of sampleSeeds(template.id, samples * 4)) {
      if (fronts.size >= samples) break;
      const variant = make(template, seed);
      const key = `${variant.prompt.en}\u0000${variant.prompt.ko}`;
      if (fronts.has(key)) continue;
      fronts.add(key);
      rows.push(rowOf(deck, template, variant, `${template.id}-sample-${fronts.size}`));
    }
  }
  for (const card of deck.cards) rows.push(rowOf(deck, card, make(card, 0), card.id));
  return rows;
}
