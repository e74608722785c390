/**
 * The one file of lib/content that touches the disk: reads every deck folder under a directory
 * (`content/decks/<deck-id>/deck.yaml` plus its other `*.yaml` files, sub-folders included) and
 * validates them with `parseDeck`. Paths in messages are relative to the working directory.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { msg } from "../i18n/message";
import { DECK_FILE, deckError, type Deck, type DeckError } from "./deck-schema";
import { parseDeck, type DeckFileText } from "./parse-deck";

export interface LoadedDecks {
  decks: Deck[];
  errors: DeckError[];
}

const YAML = /\.ya?ml$/i;

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return yamlFiles(full);
        return entry.isFile() && YAML.test(entry.name) ? [full] : [];
      }),
  );
  return nested.flat().sort();
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** Loads one deck folder. */
export async function loadDeckDir(dir: string): Promise<{ deck: Deck | null; errors: DeckError[] }> {
  const files: DeckFileText[] = await Promise.all((await yamlFiles(dir)).map(async (file) => ({ path: shown(file), text: await readFile(file, "utf8") })));
  if (files.length === 0) return { deck: null, errors: [deckError(shown(path.join(dir, DECK_FILE)), 1, msg("deckFile.noFiles"))] };
  const result = parseDeck(files);
  return result.ok ? { deck: result.deck, errors: [] } : { deck: null, errors: result.errors };
}

/**
 * Loads every deck under `dir`: each sub-folder holding a `deck.yaml`, or `dir` itself when it
 * holds one. Decks with errors are left out and their errors returned; ids must be unique across
 * all decks (pages address templates by id alone). Throws only when `dir` cannot be read.
 */
export async function loadDecksFromDir(dir: string): Promise<LoadedDecks> {
  const info = await stat(dir);
  if (!info.isDirectory()) throw new Error(`${dir} is not a directory`);
  const hasOwnDeck = await stat(path.join(dir, DECK_FILE)).then(
    () => true,
    () => false,
  );
  const folders = hasOwnDeck
    ? [dir]
    : (await readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
        .map((entry) => path.join(dir, entry.name))
        .sort();
  const decks: Deck[] = [];
  const errors: DeckError[] = [];
  const owners = new Map<string, string>();
  for (const folder of folders) {
    const loaded = await loadDeckDir(folder);
    errors.push(...loaded.errors);
    const deck = loaded.deck;
    if (!deck) continue;
    let clash = false;
    for (const id of [deck.id, ...Object.keys(deck.locations)]) {
      const owner = owners.get(id);
      if (owner !== undefined) {
        const where = deck.locations[id] ?? { file: shown(path.join(folder, DECK_FILE)), line: 1 };
        errors.push(deckError(where.file, where.line, msg("deckFile.idInOtherDeck", { id, deckId: owner })));
        clash = true;
      }
    }
    if (clash) continue;
    for (const id of [deck.id, ...Object.keys(deck.locations)]) owners.set(id, deck.id);
    decks.push(deck);
  }
  if (folders.length === 0) errors.push(deckError(shown(dir), 1, msg("deckFile.noFolders", { file: DECK_FILE })));
  return { decks, errors };
}
