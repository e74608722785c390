/**
 * The "test N times" harness (PrairieLearn's, run headless): for every template and N seeds
 * (plus each anchored variant) it generates the variant, checks the rendered texts, verifies the
 * expected answer against TensorFlow.js, and grades the correct answer (spelled several ways),
 * an answer just inside and just outside the tolerance, junk input, and each listed mistake.
 * Static cards get the same grading checks. It counts distinct variants and warns below 20.
 */
import { checkAnswer } from "../check-answer";
import { stableStringify } from "../hash";
import { makeVariant, type VariantOptions } from "../make-variant";
import { isTemplate, type Item, type StaticCard, type Template } from "../template-schema";
import type { Variant } from "../types";
import { variantSeed } from "../variant-seed";
import { verifyVariant } from "../verify";
import { correctSpellings, junkInputs, justInside, justOutside, mistakeSpelling } from "./answer-probes";
import { renderProblems } from "./render-checks";

export const DEFAULT_VARIANTS = 200;
export const MIN_DISTINCT_VARIANTS = 20;

export interface HarnessDetail {
  level: "failure" | "warning";
  item: string;
  seed?: number;
  anchor?: string;
  check: "load" | "generate" | "render" | "verify" | "correct" | "tolerance" | "invalid" | "mistake" | "distinct";
  message: string;
}

export interface ItemReport {
  id: string;
  kind: "template" | "card";
  concept: string;
  variants: number;
  distinct: number;
  failures: number;
  details: HarnessDetail[];
}

function sameFeedback(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** Every grading and rendering check of one variant; returns its problems. */
async function checkVariant(variant: Variant, verify: boolean): Promise<Omit<HarnessDetail, "level" | "item">[]> {
  const problems: Omit<HarnessDetail, "level" | "item">[] = [];
  const computed = variant.itemType === "parametric";
  for (const message of [...renderProblems("prompt", variant.prompt, true, computed), ...renderProblems("solution", variant.solution, true, computed)]) problems.push({ check: "render", message });
  for (const choice of variant.choices ?? []) for (const message of renderProblems(`choice ${choice.letter}`, choice.text, false, computed)) problems.push({ check: "render", message });

  if (verify) {
    const outcome = await verifyVariant(variant);
    if (!outcome.ok) problems.push({ check: "verify", message: outcome.message ?? "verification failed" });
  }

  const answer = variant.expectedAnswer;
  for (const spelling of correctSpellings(answer)) {
    const result = checkAnswer(variant, spelling);
    if (result.status !== "correct") problems.push({ check: "correct", message: `the correct answer typed as "${spelling}" grades ${result.status} (read as ${result.readAs ?? "nothing"})` });
  }
  const inside = justInside(answer);
  if (inside !== null && checkAnswer(variant, inside).status !== "correct") problems.push({ check: "tolerance", message: `"${inside}" is within tolerance but does not grade correct` });
  const outside = justOutside(answer);
  if (outside !== null) {
    const result = checkAnswer(variant, outside);
    if (result.status !== "wrong") problems.push({ check: "tolerance", message: `"${outside}" (just outside) grades ${result.status}, not wrong` });
  }
  for (const junk of junkInputs(answer)) {
    const result = checkAnswer(variant, junk);
    if (result.status !== "invalid") problems.push({ check: "invalid", message: `junk "${junk}" grades ${result.status}, not invalid (read as ${result.readAs ?? "nothing"})` });
  }
  for (const mistake of variant.mistakes) {
    const typed = mistakeSpelling(mistake.value);
    const result = checkAnswer(variant, typed);
    if (result.status !== "wrong" || !sameFeedback(result.mistake, mistake.feedback)) {
      problems.push({ check: "mistake", message: `the listed mistake "${typed}" grades ${result.status}${result.mistake ? " with other feedback" : " without its feedback"}` });
    }
  }
  return problems;
}

async function runOne(item: Item, seed: number, options: VariantOptions, details: HarnessDetail[]): Promise<Variant | null> {
  const where = { item: item.id, seed, ...(options.anchor ? { anchor: options.anchor } : {}) };
  let variant: Variant;
  try {
    variant = makeVariant(item, seed, options);
  } catch (error) {
    details.push({ level: "failure", ...where, check: "generate", message: (error as Error).message });
    return null;
  }
  for (const problem of await checkVariant(variant, true)) details.push({ level: "failure", ...where, ...problem });
  return variant;
}

export async function testTemplate(template: Template, variants: number): Promise<ItemReport> {
  const details: HarnessDetail[] = [];
  const distinct = new Set<string>();
  let generated = 0;
  for (let i = 0; i < variants; i += 1) {
    const variant = await runOne(template, variantSeed(template.id, "harness", i), {}, details);
    generated += 1;
    if (variant) distinct.add(stableStringify(variant.params));
  }
  for (const anchor of template.anchors ?? []) {
    await runOne(template, 0, { anchor: anchor.id }, details);
    generated += 1;
  }
  // Below 20 distinct variants a student soon sees repeats. With a small N the bar is N/2, since
  // random draws of even a rich template collide.
  if (variants > 0 && distinct.size < Math.min(MIN_DISTINCT_VARIANTS, Math.ceil(variants / 2))) {
    details.push({ level: "warning", item: template.id, check: "distinct", message: `only ${distinct.size} distinct variants in ${variants} (fewer than ${MIN_DISTINCT_VARIANTS}): widen the parameter ranges` });
  }
  return { id: template.id, kind: "template", concept: template.concept, variants: generated, distinct: distinct.size, failures: details.filter((d) => d.level === "failure").length, details };
}

/** A static card: a few seeds (they only reorder multiple-choice options). */
export async function testCard(card: StaticCard): Promise<ItemReport> {
  const details: HarnessDetail[] = [];
  const seeds = card.type === "mc" ? [0, 1, 2, 3] : [0];
  const distinct = new Set<string>();
  for (const seed of seeds) {
    const variant = await runOne(card, seed, {}, details);
    if (variant) distinct.add(stableStringify(variant.choices));
  }
  return { id: card.id, kind: "card", concept: card.concept, variants: seeds.length, distinct: distinct.size, failures: details.filter((d) => d.level === "failure").length, details };
}

export async function testItem(item: Item, variants: number): Promise<ItemReport> {
  return isTemplate(item) ? testTemplate(item, variants) : testCard(item);
}
