import { describe, expect, it, vi } from "vitest";
import { listDecks } from "../../server/decks/deck-store";
import { processShared } from "./process-shared";

/**
 * Next's production build gives pages and route handlers separate copies of lib/server modules.
 * A second copy is made here the same way a second bundle would: a fresh module graph.
 */
async function secondCopy<Module>(load: () => Promise<Module>): Promise<Module> {
  vi.resetModules();
  return load();
}

describe("processShared", () => {
  it("creates once per process and hands every caller the same value", () => {
    const key = `test-${Math.random()}`;
    const first = processShared(key, () => ({ made: 1 }));
    const second = processShared(key, () => ({ made: 2 }));
    expect(second).toBe(first);
    expect(second.made).toBe(1);
  });

  it("lets a second copy of deck-store.ts clear the deck list this copy cached", async () => {
    const before = await listDecks();
    expect(await listDecks()).toBe(before); // cached
    const copy = await secondCopy(() => import("../../server/decks/deck-store"));
    copy.invalidateOpenDecks();
    expect(await listDecks()).not.toBe(before); // read again
  });
});
