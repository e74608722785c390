/**
 * `decks test` over loaded decks: runs the question harness on every template (N variants plus
 * the anchors) and every static card, and sums it up in the shape the CLI prints:
 * `{templates, staticCards, concepts, variants, failures, details}`. Imports tfjs (through the
 * verification), so it is not exported from `lib/content/index.ts`.
 */
import { testItem, type HarnessDetail } from "../questions/harness/run-harness";
import type { Deck, DeckError } from "./deck-schema";
import { deckItems } from "./deck-queries";

export interface HarnessSummaryDetail extends HarnessDetail {
  deck?: string;
  /** `file:line` of the item (or of the deck error). */
  where?: string;
}

export interface HarnessSummary {
  templates: number;
  staticCards: number;
  /** Concept ids that at least one template or card covers, in deck order. */
  concepts: string[];
  variants: number;
  failures: number;
  /** Listed common mistakes typed (over every variant) and the share that got their own feedback (goal 1). */
  mistakes: { tried: number; recognised: number; share: number };
  /** Templates that list no common mistakes (goal: none). */
  templatesWithoutMistakes: string[];
  /**
   * Template variants (drawn and corners) whose answer ignores a parameter (goal: share 0) out of
   * those probed; `intended` counts the templates' declared flat cases, which are not degenerate.
   */
  degenerate: { variants: number; probed: number; intended: number; share: number };
  details: HarnessSummaryDetail[];
}

export interface DeckHarnessOptions {
  variants: number;
  /** Called after each item (progress output). */
  onItem?: (deck: Deck, itemId: string, failures: number, variants: number, distinct: number) => void;
}

export async function testDecks(decks: readonly Deck[], loadErrors: readonly DeckError[], options: DeckHarnessOptions): Promise<HarnessSummary> {
  const details: HarnessSummaryDetail[] = loadErrors.map((error) => ({ level: "failure", item: "", check: "load", message: error.message, where: `${error.file}:${error.line}` }));
  let variants = 0;
  const concepts: string[] = [];
  const mistakes = { tried: 0, recognised: 0 };
  const degenerate = { variants: 0, probed: 0, intended: 0 };
  const templatesWithoutMistakes: string[] = [];
  for (const deck of decks) {
    const covered = new Set(deckItems(deck).map((item) => item.concept));
    for (const concept of deck.concepts) if (covered.has(concept.id) && !concepts.includes(concept.id)) concepts.push(concept.id);
    for (const item of deckItems(deck)) {
      const report = await testItem(item, options.variants);
      variants += report.variants;
      mistakes.tried += report.mistakes.tried;
      mistakes.recognised += report.mistakes.recognised;
      if (report.kind === "template") {
        degenerate.variants += report.degenerate;
        degenerate.probed += report.probed;
        degenerate.intended += report.intendedFlat;
        if (report.details.some((detail) => detail.check === "mistakes-listed")) templatesWithoutMistakes.push(`${deck.id}/${item.id}`);
      }
      const location = deck.locations[item.id];
      for (const detail of report.details) details.push({ ...detail, deck: deck.id, ...(location ? { where: `${location.file}:${location.line}` } : {}) });
      options.onItem?.(deck, item.id, report.failures, report.variants, report.distinct);
    }
  }
  return {
    templates: decks.reduce((n, deck) => n + deck.templates.length, 0),
    staticCards: decks.reduce((n, deck) => n + deck.cards.length, 0),
    concepts,
    variants,
    failures: details.filter((detail) => detail.level === "failure").length,
    mistakes: { ...mistakes, share: mistakes.tried === 0 ? 1 : mistakes.recognised / mistakes.tried },
    templatesWithoutMistakes,
    degenerate: { ...degenerate, share: degenerate.probed === 0 ? 0 : degenerate.variants / degenerate.probed },
    details,
  };
}
