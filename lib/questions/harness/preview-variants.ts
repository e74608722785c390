/**
 * The authoring preview's variants of one item: up to five with distinct numbers, each verified by
 * TensorFlow.js and checked for rendering problems. Pure apart from tfjs: it runs in a template
 * worker (lib/workers/template-worker.ts), never on a request's thread.
 */
import type { ArchitectureSpec } from "../../model-core";
import { displayExpected } from "../answer-values";
import { stableStringify } from "../hash";
import { makeVariant } from "../make-variant";
import { isTemplate, type Item } from "../template-schema";
import type { AnswerFormat, Bilingual, Choice, ParamValues, Variant } from "../types";
import { variantSeed } from "../variant-seed";
import { verifyVariant } from "../verify";
import { renderProblems } from "./render-checks";

export const PREVIEW_VARIANTS = 5;

export interface PreviewVariant {
  seed: number;
  params: ParamValues;
  prompt: Bilingual;
  choices: Choice[] | null;
  solution: Bilingual;
  expected: string;
  answerFormat: AnswerFormat;
  architecture: ArchitectureSpec | null;
  verification: { ok: boolean; method: string; independent: string; message: string | null };
}

export interface PreviewVariants {
  variants: PreviewVariant[];
  /** Problems of generating the variants. */
  generation: string[];
  /** Problems of rendering and verifying them. */
  checks: string[];
}

/** Five variants with distinct numbers (up to three times as many seeds are tried). */
function makePreviewVariants(item: Item): { variants: Variant[]; problems: string[] } {
  const variants: Variant[] = [];
  const problems: string[] = [];
  if (!isTemplate(item)) {
    try {
      variants.push(makeVariant(item, 0));
    } catch (error) {
      problems.push((error as Error).message);
    }
    return { variants, problems };
  }
  const seen = new Set<string>();
  for (let i = 0; i < PREVIEW_VARIANTS * 3 && variants.length < PREVIEW_VARIANTS; i += 1) {
    const seed = variantSeed(item.id, "preview", i);
    try {
      const variant = makeVariant(item, seed);
      // The same numbers twice show nothing new: a template with fewer than five shows what it has.
      const key = stableStringify(variant.params);
      if (seen.has(key)) continue;
      seen.add(key);
      variants.push(variant);
    } catch (error) {
      problems.push(`seed ${seed}: ${(error as Error).message}`);
      if (problems.length >= 3) break;
    }
  }
  return { variants, problems };
}

export async function previewVariants(item: Item): Promise<PreviewVariants> {
  const made = makePreviewVariants(item);
  const problems: string[] = [];
  const variants: PreviewVariant[] = [];
  for (const variant of made.variants) {
    const outcome = await verifyVariant(variant);
    const computed = variant.itemType === "parametric";
    const rendering = [...renderProblems("prompt", variant.prompt, true, computed), ...renderProblems("solution", variant.solution, true, computed)];
    for (const problem of rendering) if (!problems.includes(problem)) problems.push(problem);
    if (!outcome.ok) problems.push(`seed ${variant.seed}: ${outcome.message ?? "verification failed"}`);
    variants.push({
      seed: variant.seed,
      params: variant.params,
      prompt: variant.prompt,
      choices: variant.choices,
      solution: variant.solution,
      expected: displayExpected(variant.expectedAnswer),
      answerFormat: variant.answerFormat,
      architecture: variant.architecture,
      verification: { ok: outcome.ok, method: outcome.method, independent: outcome.independent, message: outcome.message ?? null },
    });
  }
  return { variants, generation: made.problems, checks: problems };
}
