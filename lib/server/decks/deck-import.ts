import "server-only";
import { msg, packMessage, type Message } from "@/lib/i18n/message";
import { inflateRawSync } from "node:zlib";
import { z } from "zod";
import { DECK_FILE, type Deck, type DeckError, type DeckFileText } from "@/lib/content";
import { rowsToAnki } from "@/lib/content/export-anki";
import { rowsToCsv } from "@/lib/content/export-csv";
import { exportRows, DEFAULT_SAMPLES_PER_TEMPLATE } from "@/lib/content/export-rows";
import { deckToFiles, itemsYaml } from "@/lib/content/export-yaml";
import { zipFiles } from "@/lib/content/export-zip";
import { lineError, parseCardsCsv, type CsvLineError } from "@/lib/content/import-csv";
import { deckFilesFromUpload, IMPORTED_CARDS_FILE } from "@/lib/content/import-yaml";
import { isZip, unzipFiles, ZipError } from "@/lib/content/import-zip";
import { makeVariant, type Item, type StaticCard } from "@/lib/questions";
import { createAppDeck, deckAccess, parseDeckFiles, requireAuthor, requireDeckEditor, storedDeck } from "./authoring";
import { db } from "../platform/db";
import { headVersion, runHarness, saveFiles, type SaveOutcome } from "./deck-versions";
import { AppError, forbidden } from "@/lib/server-shared/errors";
import { parseDeckVersionFiles } from "../platform/stored-json";
import type { Viewer } from "../accounts/users";

/**
 * Moving decks in and out of the app (docs/architecture.md "Authoring"):
 * - export as a ZIP of the deck's folder in the content/ format (an in-app deck's files exactly as
 *   saved: the newest version for its editors, the published one for other instructors; so the
 *   export imports back to the same deck and version; a content deck written out from the
 *   database), as CSV, or as a file Anki imports;
 * - import such a folder (ZIP or its .yaml files): a new deck, or a new version of a deck the
 *   importer edits (same id);
 * - import static cards from CSV/TSV into a deck (all or nothing, errors by line).
 */

export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Export

export type ExportFormat = "zip" | "csv" | "anki";

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Uint8Array | string;
}

/** The deck as its files: the head version's files for an app deck, written out for a content deck. */
/** The files of a deck's published version (none when the version row is gone). */
async function publishedFiles(deckId: string, version: string): Promise<DeckFileText[]> {
  const stored = await db.deckVersion.findUnique({ where: { deckId_version: { deckId, version } }, select: { id: true, files: true } });
  return stored ? parseDeckVersionFiles(stored.files, stored.id) : [];
}

async function deckForExport(viewer: Viewer, deckId: string): Promise<{ deck: Deck; files: DeckFileText[] }> {
  const { deck: row, role } = await deckAccess(viewer, deckId);
  if (row.source === "app") {
    // Editors export what they are working on; readers of a public deck only what is published.
    const files =
      role === "reader"
        ? row.version === ""
          ? null
          : await publishedFiles(deckId, row.version)
        : ((await headVersion(deckId))?.files ?? null);
    if (files && files.length > 0) {
      const parsed = parseDeckFiles(files, deckId);
      if (parsed.ok) return { deck: parsed.deck, files };
    }
  }
  const deck = await storedDeck(row);
  return { deck, files: deckToFiles(deck, { comment: `${deck.id}: exported from DeepDrill (version ${deck.version})` }) };
}

/** Fixed sample variants are verified with TensorFlow.js like any issued variant. */
async function verifiedRows(deck: Deck, samples: number) {
  const { verifyVariant } = await import("@/lib/questions/verify");
  const variants = new Map<string, ReturnType<typeof makeVariant>>();
  const rows = exportRows(deck, {
    samplesPerTemplate: samples,
    make: (item: Item, seed: number) => {
      const variant = makeVariant(item, seed);
      variants.set(`${item.id}#${seed}`, variant);
      return variant;
    },
  });
  const checked = await Promise.all(rows.map(async (row) => ({ row, ok: (await verifyVariant(variants.get(`${row.itemId}#${row.seed}`) ?? { verification: null, expectedAnswer: { format: "self", answer: row.back } })).ok })));
  // A sample that fails verification is left out rather than exported with a wrong answer.
  return checked.filter((entry) => entry.ok).map((entry) => entry.row);
}

const safeName = (id: string) => id.replace(/[^a-z0-9-]/g, "");

export async function exportDeck(viewer: Viewer, deckId: string, format: ExportFormat, options: { language?: "ko" | "en"; samples?: number } = {}): Promise<ExportFile> {
  const { deck, files } = await deckForExport(viewer, deckId);
  const name = safeName(deck.id);
  if (format === "zip") {
    return { fileName: `${name}.zip`, contentType: "application/zip", body: zipFiles(files.map((file) => ({ path: `${name}/${file.path}`, data: file.text }))) };
  }
  const rows = await verifiedRows(deck, options.samples ?? DEFAULT_SAMPLES_PER_TEMPLATE);
  if (format === "csv") return { fileName: `${name}.csv`, contentType: "text/csv; charset=utf-8", body: rowsToCsv(rows) };
  const language = options.language ?? "en";
  return {
    fileName: `${name}-anki-${language}.txt`,
    contentType: "text/plain; charset=utf-8",
    body: rowsToAnki(rows, { deckName: `DeepDrill::${deck.title[language]}`, language }),
  };
}

// ---------------------------------------------------------------------------------------------
// Import of a deck folder

export type DeckImportOutcome =
  | { ok: true; deckId: string; version: string; created: boolean; newVersion: boolean; failures: number }
  | { ok: false; error: Message; errors: DeckError[] };

/** The uploaded body as deck files: a ZIP archive, or JSON `{files: [{path, text}]}`. */
export function uploadedFiles(body: Uint8Array | { files: DeckFileText[] }): DeckFileText[] {
  if (!(body instanceof Uint8Array)) return body.files;
  if (!isZip(body)) throw new AppError(422, msg("deck.notZip"));
  try {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    return unzipFiles(body, { inflateRaw: (data, expectedSize) => new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, expectedSize) })), maxBytes: MAX_UPLOAD_BYTES * 2 })
      .filter((file) => /\.ya?ml$/i.test(file.path))
      .map((file) => {
        try {
          return { path: file.path, text: decoder.decode(file.data) };
        } catch {
          throw new AppError(422, msg("deck.fileNotUtf8", { path: file.path }));
        }
      });
  } catch (error) {
    if (error instanceof ZipError) throw new AppError(422, msg("deck.zipUnreadable", { detail: error.message }));
    throw error;
  }
}

export const importFilesSchema = z.strictObject(
  {
    files: z
      .array(z.strictObject({ path: z.string().min(1).max(300), text: z.string().max(256 * 1024) }))
      .min(1, packMessage("request.deckFiles"))
      .max(300),
  },
  { error: packMessage("request.sendZip", { example: '{"files": [{"path": "deck.yaml", "text": "…"}]}' }) },
);

/**
 * Imports a deck folder. A new id makes a new in-app deck owned by the importer; the id of a deck
 * the importer edits saves the files as a new version of it (re-importing its own export is the
 * same version); any other existing id is refused.
 */
export async function importDeck(viewer: Viewer, uploaded: readonly DeckFileText[]): Promise<DeckImportOutcome> {
  requireAuthor(viewer);
  const upload = deckFilesFromUpload(uploaded);
  if (!upload.ok) return { ok: false, error: upload.error, errors: [] };
  const parsed = parseDeckFiles(upload.files);
  if (!parsed.ok) return { ok: false, error: msg("deck.problems", { count: parsed.errors.length }), errors: parsed.errors };
  const deck = parsed.deck;
  const existing = await db.deck.findUnique({ where: { id: deck.id }, select: { id: true } });
  if (!existing) {
    const harness = await runHarness(deck, new Map());
    const created = await createAppDeck(viewer, deck, upload.files, harness);
    return { ok: true, deckId: created.deckId, version: created.version, created: true, newVersion: true, failures: harness.failures };
  }
  let access;
  try {
    access = await requireDeckEditor(viewer, deck.id);
  } catch (error) {
    if (error instanceof AppError && (error.status === 403 || error.status === 404)) {
      throw forbidden(msg("deck.importForbidden", { id: deck.id }));
    }
    throw error;
  }
  const head = await headVersion(access.deck.id);
  const saved: SaveOutcome = await saveFiles(viewer, deck.id, upload.files, null);
  if (!saved.ok) return { ok: false, error: msg("deck.doesNotParse"), errors: saved.errors };
  return { ok: true, deckId: deck.id, version: saved.version, created: false, newVersion: saved.created && head?.version !== saved.version, failures: saved.harness.failures };
}

// ---------------------------------------------------------------------------------------------
// Import of static cards from CSV/TSV

export const csvImportSchema = z.strictObject(
  {
    text: z.string().min(1, packMessage("request.fileEmpty")).max(MAX_UPLOAD_BYTES, packMessage("request.sheetSize", { megabytes: 4 })),
    fileName: z.string().max(200).optional(),
    defaultConcept: z.string().max(100).optional(),
    baseVersion: z.string().max(40).nullable().optional(),
  },
  { error: packMessage("request.send", { example: '{"text": "front,back,tags\\n…", "fileName": "cards.csv"}' }) },
);

export type CsvImportOutcome =
  | { ok: true; version: string; added: number; updated: number; rows: number; failures: number }
  | { ok: false; errors: CsvLineError[]; deckErrors: DeckError[] };

/**
 * Adds the sheet's cards to the deck's `cards/imported.yaml` (a card with the same id is replaced)
 * and saves a new version. Nothing is saved when any line is broken.
 */
export async function importCardsCsv(viewer: Viewer, deckId: string, input: z.infer<typeof csvImportSchema>): Promise<CsvImportOutcome> {
  await requireDeckEditor(viewer, deckId);
  const head = await headVersion(deckId);
  if (!head) throw new AppError(409, msg("deck.noSavedVersion"));
  if (input.baseVersion && input.baseVersion !== head.version) throw new AppError(409, msg("deck.newerReload"));
  const current = parseDeckFiles(head.files, deckId);
  if (!current.ok) return { ok: false, errors: [], deckErrors: current.errors };
  const deck = current.deck;
  const csv = parseCardsCsv(input.text, { concepts: deck.concepts.map((concept) => concept.id), defaultConcept: input.defaultConcept || undefined, fileName: input.fileName });
  const errors = [...csv.errors];
  if (csv.cards.length === 0 && errors.length === 0) errors.push(lineError(1, msg("csv.noCards")));

  const importedFile = head.files.find((file) => file.path === IMPORTED_CARDS_FILE);
  const alreadyImported = deck.cards.filter((card) => deck.locations[card.id]?.file === IMPORTED_CARDS_FILE);
  const elsewhere = new Map([...deck.templates, ...deck.cards].filter((item) => deck.locations[item.id]?.file !== IMPORTED_CARDS_FILE).map((item) => [item.id, deck.locations[item.id]?.file ?? ""]));
  csv.cards.forEach((card, index) => {
    const file = elsewhere.get(card.id);
    if (file !== undefined) errors.push(lineError(csv.lines[index] ?? 1, msg("csv.idInOtherFile", { id: card.id, file })));
  });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line), deckErrors: [] };

  const merged: StaticCard[] = [...alreadyImported];
  let added = 0;
  let updated = 0;
  for (const card of csv.cards) {
    const at = merged.findIndex((existing) => existing.id === card.id);
    if (at >= 0) {
      merged[at] = card;
      updated += 1;
    } else {
      merged.push(card);
      added += 1;
    }
  }
  const header = importedFile?.text.match(/^(#.*\n)+/)?.[0] ?? "# Static cards imported from spreadsheets (front, back, tags). Importing again replaces cards with the same id.\n";
  const files = head.files.filter((file) => file.path !== IMPORTED_CARDS_FILE).concat({ path: IMPORTED_CARDS_FILE, text: header + itemsYaml(merged) });
  files.sort((a, b) => (a.path === DECK_FILE ? -1 : b.path === DECK_FILE ? 1 : a.path.localeCompare(b.path)));
  const saved = await saveFiles(viewer, deckId, files, head.version);
  if (!saved.ok) return { ok: false, errors: [], deckErrors: saved.errors };
  return { ok: true, version: saved.version, added, updated, rows: csv.rows, failures: saved.harness.failures };
}
