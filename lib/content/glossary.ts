/**
 * The course's words (`content/glossary.yaml`): one term per concept in Korean and in English, the
 * one the course notes use, and the other spellings that must not be written. `findTermVariants`
 * finds those other spellings in a text, line by line, so that a test can name `file:line`.
 *
 * Two forms are not variants: the common alternative given once in parentheses right after the
 * term ("컨볼루션(합성곱)", "필터(커널)"), and the accepted alternatives of a cloze blank
 * (`[[특징 맵|특성맵]]`: only the first, shown as the answer, must use the course's term).
 */
import { parse } from "yaml";
import { z } from "zod";

const termSchema = z.strictObject({
  id: z.string().min(1),
  ko: z.string().min(1),
  en: z.string().min(1),
  avoid_ko: z.array(z.string().min(1)).default([]),
  avoid_en: z.array(z.string().min(1)).default([]),
  also_ko: z.array(z.string().min(1)).default([]),
  source: z.string().min(1),
});

export const glossarySchema = z.strictObject({ terms: z.array(termSchema).min(1) });

export type GlossaryTerm = z.infer<typeof termSchema>;
export type Glossary = z.infer<typeof glossarySchema>;
export type TermLanguage = "ko" | "en";

export interface TermVariant {
  /** 1-based line of the text. */
  line: number;
  /** What is written. */
  found: string;
  /** What the course writes instead. */
  preferred: string;
  termId: string;
}

export function parseGlossary(yamlText: string): Glossary {
  return glossarySchema.parse(parse(yamlText));
}

const BLANK = /\[\[([^\]|]*)(?:\|[^\]]*)?\]\]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The line without the parts that may spell a term another way (see the module comment). */
function checkedPart(line: string, term: GlossaryTerm, language: TermLanguage): string {
  const preferred = language === "ko" ? term.ko : term.en;
  const avoided = language === "ko" ? term.avoid_ko : term.avoid_en;
  let text = line.replace(BLANK, (_whole, first: string) => `[[${first}]]`);
  for (const alternative of avoided) {
    const glossed = new RegExp(`${escapeRegExp(preferred)}\\s?\\(${escapeRegExp(alternative)}[^)]*\\)`, "gi");
    text = text.replace(glossed, preferred);
  }
  return text;
}

/** English variants match whole words only ("mini-batch", not inside another word). */
function variantPattern(variant: string, language: TermLanguage): RegExp {
  const body = escapeRegExp(variant);
  return language === "en" ? new RegExp(`(?<![A-Za-z-])${body}(?![A-Za-z])`, "gi") : new RegExp(body, "g");
}

export function findTermVariants(text: string, glossary: Glossary, language: TermLanguage): TermVariant[] {
  const found: TermVariant[] = [];
  const lines = text.split("\n");
  for (const term of glossary.terms) {
    const avoided = language === "ko" ? term.avoid_ko : term.avoid_en;
    if (avoided.length === 0) continue;
    const preferred = language === "ko" ? term.ko : term.en;
    lines.forEach((line, index) => {
      const checked = checkedPart(line, term, language);
      for (const variant of avoided) {
        for (const match of checked.matchAll(variantPattern(variant, language))) {
          found.push({ line: index + 1, found: match[0], preferred, termId: term.id });
        }
      }
    });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** Every avoided spelling of the terms in `answer` (for "accept both as answers"). */
export function variantSpellings(answer: string, glossary: Glossary): string[] {
  const spellings: string[] = [];
  for (const term of glossary.terms) {
    if (!answer.includes(term.ko)) continue;
    for (const alternative of term.avoid_ko) spellings.push(answer.split(term.ko).join(alternative));
  }
  return spellings;
}
