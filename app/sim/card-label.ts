import type { StaticCard } from "@/lib/questions";

interface Bilingual {
  ko: string;
  en: string;
}

const MAX_CHARS = 110;

/**
 * A fixed card's question as one line of plain text for a link: the prompt (or the statement, or
 * the cloze text with its blanks left blank, so the link never gives the answer away), with TeX
 * reduced to its letters and symbols ("$\mathbf{W}_1$" → "W_1", "\times" → "×") and cut at a word.
 */
export function cardLinkText(card: StaticCard): Bilingual {
  const source = card.type === "tf" ? card.statement : card.type === "cloze" ? card.text : card.prompt;
  return { ko: plain(source.ko), en: plain(source.en) };
}

function plain(text: string): string {
  const flat = text
    .replace(/\[\[[^\]]*\]\]/g, "___")
    .replace(/\\times/g, "×")
    .replace(/\\cdot/g, "·")
    .replace(/\\(?:mathbf|mathrm|text|boldsymbol)\{([^}]*)\}/g, "$1")
    .replace(/\\[a-zA-Z]+/g, "")
    .replace(/[$`*{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (flat.length <= MAX_CHARS) return flat;
  const cut = flat.slice(0, MAX_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
