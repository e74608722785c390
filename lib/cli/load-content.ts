import { existsSync } from "node:fs";
import path from "node:path";
import { formatDeckError } from "../content";
import { loadDecksFromDir } from "../content/load-decks";
import { projectRoot } from "../server-shared/platform/database-url";
import { say } from "./process";

/**
 * Loads the decks in content/decks into the database (part of `npm start`): decks and cards are
 * upserted by id and version, items removed from the files are retired, and running it again
 * changes nothing. Broken deck files are reported (`file:line: message`) and skipped; the decks
 * that load are still loaded, and no deck is retired because a file failed to parse.
 * Prints one summary line to stderr.
 */
export async function loadContentDecks(env: NodeJS.ProcessEnv): Promise<void> {
  const dir = path.join(projectRoot, "content", "decks");
  if (!existsSync(dir)) {
    say(`content decks: ${path.relative(projectRoot, dir)} not found, nothing loaded`);
    return;
  }
  // The data layer opens the database named by DATABASE_URL when it is first imported.
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  const { syncContentDecks, formatSyncSummary } = await import("../server/decks/deck-store");
  const { decks, errors } = await loadDecksFromDir(dir);
  for (const error of errors) say(formatDeckError(error));
  const summary = await syncContentDecks(decks, { retireMissingDecks: errors.length === 0 });
  say(`${formatSyncSummary(summary)}${errors.length > 0 ? `; ${errors.length} problem(s) in deck files, see above` : ""}`);
}
