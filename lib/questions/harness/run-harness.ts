/**
 * The "test N times" harness (PrairieLearn's, run headless): for every template and N seeds
 * (plus each anchored variant) it generates the variant, checks the rendered texts, verifies the
 * expected answer against TensorFlow.js, and grades the correct answer (spelled several ways),
 * an answer just inside and just outside the tolerance, the answer at too few decimals (a precision
 * hint, not "wrong"; a fractional matrix's cells too), junk input, and each listed mistake (tallied:
 * the share with specific feedback; a listed mistake no variant carries is a failure).
 * Variants whose answer ignores a parameter are counted as degenerate (degenerate.ts). Every
 * corner of the parameter space is made and checked too (corners.ts), since seeds rarely reach one.
 * Static cards get the same grading checks. It counts distinct variants and warns below 20.
 */
import { checkAnswer } from "../check-answer";
import { stableStringify } from "../hash";
import { makeVariant, type VariantOptions } from "../make-variant";
import { isTemplate, type Item, type StaticCard, type Template } from "../template-schema";
import type { Variant } from "../types";
import { variantSeed } from "../variant-seed";
import { verifyVariant } from "../verify";
import { cornerAnchors } from "./corners";
import { correctSpellings, junkInputs, justInside, justOutside, mistakeSpelling, precisionSlipSpelling } from "./answer-probes";
import { assessDegeneracy, type ProbedVariant } from "./degenerate";
import { renderProblems } from "./render-checks";

export const DEFAULT_VARIANTS = 200;
export const MIN_DISTINCT_VARIANTS = 20;
/** From this many drawn variants on, a listed mistake that none of them carries is a failure. */
export const UNTRIED_MISTAKE_FAILS_AT = 100;

export interface HarnessDetail {
  level: "failure" | "warning";
  item: string;
  seed?: number;
  anchor?: string;
  check: "load" | "generate" | "render" | "verify" | "correct" | "tolerance" | "precision" | "invalid" | "mistake" | "mistakes-listed" | "degenerate" | "distinct";
  message: string;
}

export interface ItemReport {
  id: string;
  kind: "template" | "card";
  concept: string;
  variants: number;
  distinct: number;
  failures: number;
  /** Listed common mistakes typed over all variants, and how many got their specific feedback. */
  mistakes: MistakeTally;
  /** Drawn and corner variants whose answer does not depend on a parameter they ask about (degenerate.ts). */
  degenerate: number;
  /** Variants probed for degeneracy (drawn and corners), and those in the template's intended flat case. */
  probed: number;
  intendedFlat: number;
  details: HarnessDetail[];
}

export interface MistakeTally {
  tried: number;
  recognised: number;
}

function sameFeedback(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** Every grading and rendering check of one variant; returns its problems. */
async function checkVariant(variant: Variant, verify: boolean, tally: MistakeTally): Promise<Omit<HarnessDetail, "level" | "item">[]> {
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
  const slip = precisionSlipSpelling(answer);
  if (slip !== null) {
    const result = checkAnswer(variant, slip.typed);
    if (result.status !== "invalid" || !sameFeedback(result.reason, slip.hint)) {
      problems.push({ check: "precision", message: `"${slip.typed}" (the answer at too few decimals) grades ${result.status} without the precision hint` });
    }
  }
  for (const mistake of variant.mistakes) {
    const typed = mistakeSpelling(mistake.value);
    const result = checkAnswer(variant, typed);
    tally.tried += 1;
    if (result.status === "wrong" && sameFeedback(result.mistake, mistake.feedback)) tally.recognised += 1;
    else {
      problems.push({ check: "mistake", message: `the listed mistake "${typed}" grades ${result.status}${result.mistake ? " with other feedback" : " without its feedback"}` });
    }
  }
  return problems;
}

async function runOne(item: Item, seed: number, options: VariantOptions, details: HarnessDetail[], tally: MistakeTally): Promise<Variant | null> {
  const where = { item: item.id, seed, ...(options.anchor ? { anchor: options.anchor } : {}) };
  let variant: Variant;
  try {
    variant = makeVariant(item, seed, options);
  } catch (error) {
    details.push({ level: "failure", ...where, check: "generate", message: (error as Error).message });
    return null;
  }
  for (const problem of await checkVariant(variant, true, tally)) details.push({ level: "failure", ...where, ...problem });
  return variant;
}

export async function testTemplate(template: Template, variants: number): Promise<ItemReport> {
  const details: HarnessDetail[] = [];
  const distinct = new Set<string>();
  const tally: MistakeTally = { tried: 0, recognised: 0 };
  let generated = 0;
  const drawn: ProbedVariant[] = [];
  const cornerVariants: ProbedVariant[] = [];
  // Which listed mistakes some variant carried (and so were typed): one never carried is untested.
  const typed = new Set<string>();
  const note = (variant: Variant | null): void => variant?.mistakes.forEach((mistake) => typed.add(stableStringify(mistake.feedback)));
  for (let i = 0; i < variants; i += 1) {
    const seed = variantSeed(template.id, "harness", i);
    const variant = await runOne(template, seed, {}, details, tally);
    generated += 1;
    note(variant);
    if (!variant) continue;
    distinct.add(stableStringify(variant.params));
    drawn.push({ seed, params: variant.params });
  }
  for (const anchor of template.anchors ?? []) {
    note(await runOne(template, 0, { anchor: anchor.id }, details, tally));
    generated += 1;
  }
  // The corners of the parameter space (corners.ts): the largest network is where limits break.
  const corners = cornerAnchors(template);
  const withCorners: Template = { ...template, anchors: corners };
  for (const corner of corners) {
    const before = details.length;
    const variant = await runOne(withCorners, 0, { anchor: corner.id }, details, tally);
    note(variant);
    for (const detail of details.slice(before)) detail.message = `at ${corner.label.en}: ${detail.message}`;
    if (variant) cornerVariants.push({ params: variant.params, corner: { id: corner.id, label: corner.label.en } });
    generated += 1;
  }
  const degeneracy = assessDegeneracy(template, drawn, cornerVariants);
  for (const warning of degeneracy.warnings) details.push({ level: "warning", item: template.id, check: "degenerate", ...warning });
  (template.mistakes ?? []).forEach((mistake, i) => {
    if (generated > 0 && !typed.has(stableStringify(mistake.feedback))) {
      // A few draws may simply miss a mistake that applies to some variants only (a ReLU's negative z).
      const level = variants >= UNTRIED_MISTAKE_FAILS_AT ? "failure" : "warning";
      details.push({ level, item: template.id, check: "mistake", message: `listed mistake ${i + 1} was never typed in ${generated} variants: it always equals the answer or another mistake, or does not apply` });
    }
  });
  if ((template.mistakes ?? []).length === 0) {
    details.push({ level: "warning", item: template.id, check: "mistakes-listed", message: "lists no common mistakes: add the ones students make, each with its feedback" });
  }
  // Below 20 distinct variants a student soon sees repeats. With a small N the bar is N/2, since
  // random draws of even a rich template collide.
  if (variants > 0 && distinct.size < Math.min(MIN_DISTINCT_VARIANTS, Math.ceil(variants / 2))) {
    details.push({ level: "warning", item: template.id, check: "distinct", message: `only ${distinct.size} distinct variants in ${variants} (fewer than ${MIN_DISTINCT_VARIANTS}): widen the parameter ranges` });
  }
  return { id: template.id, kind: "template", concept: template.concept, variants: generated, distinct: distinct.size, failures: details.filter((d) => d.level === "failure").length, mistakes: tally, degenerate: degeneracy.degenerate, probed: degeneracy.probed, intendedFlat: degeneracy.intended, details };
}

/** A static card: a few seeds (they only reorder multiple-choice options). */
export async function testCard(card: StaticCard): Promise<ItemReport> {
  const details: HarnessDetail[] = [];
  const seeds = card.type === "mc" ? [0, 1, 2, 3] : [0];
  const distinct = new Set<string>();
  const tally: MistakeTally = { tried: 0, recognised: 0 };
  for (const seed of seeds) {
    const variant = await runOne(card, seed, {}, details, tally);
    if (variant) distinct.add(stableStringify(variant.choices));
  }
  return { id: card.id, kind: "card", concept: card.concept, variants: seeds.length, distinct: distinct.size, failures: details.filter((d) => d.level === "failure").length, mistakes: tally, degenerate: 0, probed: 0, intendedFlat: 0, details };
}

export async function testItem(item: Item, variants: number): Promise<ItemReport> {
  return isTemplate(item) ? testTemplate(item, variants) : testCard(item);
}
