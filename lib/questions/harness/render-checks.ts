/** Checks of rendered text: what a student must never see. */
import type { Bilingual } from "../types";

const HANGUL = /[\uac00-\ud7a3]/;

function unbalancedDollars(text: string): boolean {
  const dollars = text.replace(/\\\$/g, "").match(/\$/g)?.length ?? 0;
  return dollars % 2 === 1;
}

/**
 * Problems of one bilingual text (`what` names it in messages). `computed` texts (from a template)
 * must not show NaN/Infinity/undefined; a static card may well mention NaN (missing values).
 */
export function renderProblems(what: string, text: Bilingual, requireKorean = true, computed = true): string[] {
  const problems: string[] = [];
  for (const language of ["ko", "en"] as const) {
    const value = text[language];
    const where = `${what} (${language})`;
    if (value.trim() === "") problems.push(`${where} is empty`);
    if (value.includes("{{")) problems.push(`${where} has a leftover placeholder: ${value.slice(value.indexOf("{{"), value.indexOf("{{") + 30)}`);
    for (const bad of computed ? ["NaN", "Infinity", "undefined", "[object Object]"] : []) {
      if (new RegExp(`\\b${bad.replace(/[[\]]/g, "\\$&")}`).test(value)) problems.push(`${where} shows ${bad}`);
    }
    if (unbalancedDollars(value)) problems.push(`${where} has an odd number of $ (unclosed TeX)`);
  }
  if (requireKorean && !HANGUL.test(text.ko)) problems.push(`${what} (ko) has no Korean text`);
  if (HANGUL.test(text.en)) problems.push(`${what} (en) contains Korean text`);
  return problems;
}
