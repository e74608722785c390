/**
 * The coverage table of a deck: each teachable point of the course notes with the items (templates
 * and cards) that ask it, written as `content/coverage/<deck>.yaml` and rendered to
 * `content/decks/<deck>/COVERAGE.md`. `coverageProblems` names every point no item asks and every
 * id the deck does not have; `renderCoverage` is deterministic, so a test can compare the file.
 */
import { parse } from "yaml";
import { z } from "zod";
import { deckItems } from "./deck-queries";
import type { Deck } from "./deck-schema";

const pointSchema = z.strictObject({
  ko: z.string().min(1),
  en: z.string().min(1),
  items: z.array(z.string().min(1)),
});

export const coverageSchema = z.strictObject({
  deck: z.string().min(1),
  sections: z.array(z.strictObject({ title: z.string().min(1), points: z.array(pointSchema).min(1) })).min(1),
});

export type Coverage = z.infer<typeof coverageSchema>;

export function parseCoverage(yamlText: string): Coverage {
  return coverageSchema.parse(parse(yamlText));
}

/** What kind of question an item is: "template" (numbers vary) or the card type. */
function itemKinds(deck: Deck): Map<string, string> {
  return new Map(deckItems(deck).map((item) => [item.id, "type" in item ? item.type : "template"]));
}

export function coverageProblems(coverage: Coverage, deck: Deck): string[] {
  const kinds = itemKinds(deck);
  const problems: string[] = [];
  for (const section of coverage.sections) {
    for (const point of section.points) {
      if (point.items.length === 0) problems.push(`${section.title} / ${point.ko}: no item asks it`);
      for (const id of point.items) if (!kinds.has(id)) problems.push(`${section.title} / ${point.ko}: no item ${id} in deck ${deck.id}`);
    }
  }
  return problems;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function renderCoverage(coverage: Coverage, deck: Deck): string {
  const kinds = itemKinds(deck);
  const points = coverage.sections.flatMap((section) => section.points);
  const asked = new Set(points.flatMap((point) => point.items));
  const beyond = deckItems(deck).filter((item) => !asked.has(item.id));
  const lines = [
    `# Coverage of the course notes — deck \`${deck.id}\``,
    "",
    "<!-- Generated from content/coverage/" + `${deck.id}.yaml by \`npx tsx lib/content/write-coverage.ts\`; lib/content/coverage.test.ts fails when it drifts. -->`,
    "",
    `Each teachable point of the course notes (\`notes-ko.md\`; the last section: ISLP chapter 10 beyond them) and the items that ask it. ${points.length} points, every one asked by at least one item; ${asked.size} of the deck's ${kinds.size} items are listed here. (template = numbers change on every review; qa, cloze, mc, tf = fixed cards.)`,
    "",
  ];
  for (const section of coverage.sections) {
    lines.push(`## ${section.title}`, "", "| 노트의 점 | point | items |", "| --- | --- | --- |");
    for (const point of section.points) {
      const items = point.items.map((id) => `\`${id}\` (${kinds.get(id) ?? "?"})`).join(", ");
      lines.push(`| ${cell(point.ko)} | ${cell(point.en)} | ${items} |`);
    }
    lines.push("");
  }
  if (beyond.length > 0) {
    lines.push("## Items not listed above", "", beyond.map((item) => `\`${item.id}\` (${kinds.get(item.id) ?? "?"})`).join(", "), "");
  }
  return lines.join("\n");
}
