import { say } from "./process";

/**
 * Loads the decks in content/ into the database, updating them by id and version.
 * The deck store arrives with the question engine; until then there is nothing to load.
 */
export async function loadContentDecks(_env: NodeJS.ProcessEnv): Promise<void> {
  say("content decks: none loaded yet (deck store not installed)");
}
