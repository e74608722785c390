import type { Locale } from "next-intl";

/**
 * The instrumental particle after a value in Korean: 으로 after a final consonant other than ㄹ,
 * 로 after a vowel or ㄹ ("12로", "3으로", "참으로", "거짓으로", "(785, 256)으로"). Digits and Latin
 * letters are read aloud (3 삼 → 으로, 1 일 → 로, M 엠 → 으로), so the particle follows how the last
 * character is pronounced; closing brackets and spaces are skipped. Hangul syllables are decoded
 * from their code point: (code − 0xAC00) mod 28 is the final consonant (0: none, 8: ㄹ).
 */

/** Digits whose Korean reading ends in a consonant other than ㄹ: 영, 삼, 육 (0, 3, 6). */
const DIGITS_WITH_FINAL = new Set(["0", "3", "6"]);
/** Latin letters whose Korean reading ends in such a consonant: 엠 (M), 엔 (N). */
const LETTERS_WITH_FINAL = new Set(["m", "n"]);
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const FINAL_RIEUL = 8;

export function instrumentalParticle(value: string): "으로" | "로" {
  const trimmed = value.replace(/[\s)\]}'"’”.,]+$/u, "");
  const last = trimmed.at(-1);
  if (last === undefined) return "로";
  const code = last.charCodeAt(0);
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    return final !== 0 && final !== FINAL_RIEUL ? "으로" : "로";
  }
  if (DIGITS_WITH_FINAL.has(last)) return "으로";
  if (LETTERS_WITH_FINAL.has(last.toLowerCase())) return "으로";
  return "로";
}

/** The value with its particle for a Korean sentence ("3으로"), unchanged in English. */
export function asInstrumental(value: string, locale: Locale): string {
  return locale === "ko" ? `${value}${instrumentalParticle(value)}` : value;
}
