import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { parseWith } from "@/lib/server/platform/http";
import { deckIdSchema } from "@/lib/schemas/ids";

/** Route contexts and inputs shared by the /api/author/decks/… handlers. */

export interface DeckRouteContext {
  params: Promise<{ deckId: string }>;
}

export interface VersionRouteContext {
  params: Promise<{ deckId: string; version: string }>;
}

const versionSchema = z.string().regex(/^[0-9a-f]{6,40}$/, packMessage("request.versionForm"));

export async function deckIdOf(context: DeckRouteContext | VersionRouteContext): Promise<string> {
  return parseWith(deckIdSchema, (await context.params).deckId);
}

export async function versionOf(context: VersionRouteContext): Promise<{ deckId: string; version: string }> {
  const params = await context.params;
  return { deckId: parseWith(deckIdSchema, params.deckId), version: parseWith(versionSchema, params.version) };
}

/** Body limit of saves and imports: a whole deck (the default 64 kB is for forms). */
export const DECK_BODY_BYTES = 4 * 1024 * 1024;

export const NO_STORE = { "Cache-Control": "no-store" } as const;
