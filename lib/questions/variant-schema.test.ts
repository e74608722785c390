import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Deck } from "../content";
import { loadDecksFromDir } from "../content/load-decks";
import { makeVariant } from "./make-variant";
import { variantSchema } from "./variant-schema";

/**
 * The stored-variant schema against what the engine makes: a variant of every item of the course's
 * decks (every calculator, architecture ask and card type they use), stored as JSON and read back,
 * is accepted and unchanged; a variant with a field of the wrong kind is refused.
 */

let decks: Deck[] = [];

beforeAll(async () => {
  decks = (await loadDecksFromDir(path.resolve(__dirname, "../../content/decks"))).decks;
});

describe("variantSchema", () => {
  it("reads back every item's variant exactly as stored", () => {
    const items = decks.flatMap((deck) => [...deck.templates, ...deck.cards]);
    expect(items.length).toBeGreaterThan(50);
    const kinds = new Set<string>();
    for (const item of items) {
      for (const seed of [1, 2]) {
        const variant = makeVariant(item, seed);
        const stored = JSON.parse(JSON.stringify(variant)) as unknown;
        const read = variantSchema.safeParse(stored);
        expect(read.success, `${item.id}#${seed}: ${read.error?.issues[0]?.path.join(".")} ${read.error?.issues[0]?.message}`).toBe(true);
        expect(read.data).toEqual(stored);
        kinds.add(variant.verification?.kind === "calculator" ? variant.verification.input.calculator : (variant.verification?.kind ?? variant.itemType));
      }
    }
    // The decks exercise both verification kinds and static cards, so the check above covers them.
    expect(kinds).toContain("architecture");
    expect(kinds).toContain("conv2d");
    expect(kinds).toContain("tf");
  });

  it("refuses a variant whose expected answer has the wrong kind of value", () => {
    const item = decks.flatMap((deck) => deck.templates)[0]!;
    const variant = JSON.parse(JSON.stringify(makeVariant(item, 1))) as { expectedAnswer: { value: unknown } };
    variant.expectedAnswer.value = "forty-two";
    expect(variantSchema.safeParse(variant).success).toBe(false);
  });
});
