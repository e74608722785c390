import "server-only";
import { mathHtml } from "@/lib/math-html";
import type { Bilingual, Choice } from "@/lib/questions";

/**
 * Question texts typeset on the server for the review, practice and exam pages and the authoring
 * preview (docs/architecture.md, "Page weight"): the browser injects the HTML and never loads
 * KaTeX. The plain texts stay in the payload beside it (load tools and tests read them).
 */

export const typesetBilingual = (text: Bilingual, inline = false): Bilingual => ({ ko: mathHtml(text.ko, inline), en: mathHtml(text.en, inline) });

export interface TypesetChoice extends Choice {
  /** The option's text as inline HTML. */
  html: Bilingual;
}

export interface TypesetQuestion {
  promptHtml: Bilingual;
  choices: TypesetChoice[] | null;
}

export function typesetQuestion(question: { prompt: Bilingual; choices: readonly Choice[] | null }): TypesetQuestion {
  return {
    promptHtml: typesetBilingual(question.prompt),
    choices: question.choices ? question.choices.map((choice) => ({ ...choice, html: typesetBilingual(choice.text, true) })) : null,
  };
}

export interface TypesetFeedback {
  solutionHtml: Bilingual | null;
  mistakeHtml?: Bilingual;
}

export function typesetFeedback(feedback: { solution: Bilingual | null; mistake?: Bilingual }): TypesetFeedback {
  return {
    solutionHtml: feedback.solution ? typesetBilingual(feedback.solution) : null,
    ...(feedback.mistake ? { mistakeHtml: typesetBilingual(feedback.mistake, true) } : {}),
  };
}

/** A variant shown with its worked solution (the authoring preview): question and solution typeset. */
export function typesetWithSolution<Shown extends { prompt: Bilingual; choices: readonly Choice[] | null; solution: Bilingual }>(
  variant: Shown,
): Omit<Shown, "choices"> & TypesetQuestion & { solutionHtml: Bilingual } {
  return { ...variant, ...typesetQuestion(variant), solutionHtml: typesetBilingual(variant.solution) };
}
