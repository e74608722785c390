/**
 * Deck files as people upload them (pure): a zipped deck folder, or the folder's `.yaml` files.
 * Finds the one `deck.yaml`, keeps the YAML files under its folder with paths relative to it
 * (`deck.yaml`, `templates/cnn.yaml`), drops what archivers add (`__MACOSX/`, dot-files), and
 * refuses paths that could escape a folder.
 */
import { msg, type Message } from "../i18n/message";
import { DECK_FILE } from "./deck-schema";
import type { DeckFileText } from "./parse-deck";

export type DeckUpload = { ok: true; files: DeckFileText[] } | { ok: false; error: Message };

const YAML = /\.ya?ml$/i;
export const MAX_DECK_FILES = 200;

function cleanPath(path: string): string | null {
  const parts = path.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".");
  if (parts.some((part) => part === ".." || part.includes("\u0000"))) return null;
  return parts.join("/");
}

export function deckFilesFromUpload(files: readonly DeckFileText[]): DeckUpload {
  const usable: DeckFileText[] = [];
  for (const file of files) {
    const path = cleanPath(file.path);
    if (path === null) return { ok: false, error: msg("deckFile.pathUp", { path: file.path }) };
    const parts = path.split("/");
    if (parts.some((part) => part.startsWith(".") || part === "__MACOSX")) continue;
    if (!YAML.test(path)) continue;
    usable.push({ path, text: file.text.replace(/^\uFEFF/, "") });
  }
  const headers = usable.filter((file) => file.path === DECK_FILE || file.path.endsWith(`/${DECK_FILE}`));
  if (headers.length === 0) return { ok: false, error: msg("deckFile.uploadNoHeader", { file: DECK_FILE }) };
  if (headers.length > 1) return { ok: false, error: msg("deckFile.uploadManyHeaders", { count: headers.length, file: DECK_FILE, paths: headers.map((file) => file.path).join(", ") }) };
  const root = (headers[0]?.path ?? DECK_FILE).slice(0, -DECK_FILE.length);
  const inDeck = usable.filter((file) => file.path.startsWith(root)).map((file) => ({ path: file.path.slice(root.length), text: file.text }));
  if (inDeck.length > MAX_DECK_FILES) return { ok: false, error: msg("deckFile.uploadTooManyFiles", { count: inDeck.length, max: MAX_DECK_FILES }) };
  return { ok: true, files: inDeck.sort((a, b) => (a.path === DECK_FILE ? -1 : b.path === DECK_FILE ? 1 : a.path.localeCompare(b.path))) };
}

/** Where `cards` imported from a spreadsheet are kept in an app deck. */
export const IMPORTED_CARDS_FILE = "cards/imported.yaml";
