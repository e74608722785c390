import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { exportDeck } from "@/lib/server/decks/deck-import";
import { parseWith, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { deckIdOf, type DeckRouteContext } from "../../params";

const SAMPLES_RANGE = packMessage("request.numberRange", { field: "samples", min: 0, max: 20 });
const querySchema = z.strictObject(
  {
    format: z.enum(["zip", "csv", "anki"], { error: packMessage("request.oneOf", { field: "format", choices: "zip, csv, anki" }) }).default("zip"),
    lang: z.enum(["ko", "en"], { error: packMessage("request.oneOf", { field: "lang", choices: "ko, en" }) }).optional(),
    samples: z
      .string()
      .regex(/^\d{1,2}$/, SAMPLES_RANGE)
      .transform(Number)
      .pipe(z.number().max(20, SAMPLES_RANGE))
      .optional(),
  },
  { error: packMessage("request.onlyQueries", { queries: "?format=, ?lang= and ?samples=" }) },
);

/**
 * GET /api/author/decks/{deckId}/export?format=zip|csv|anki[&lang=ko|en][&samples=3] → a download:
 * the deck folder in the content/ format (ZIP), CSV, or Anki's text import format, with static cards
 * and a fixed sample of verified variants per template.
 */
export const GET = route<DeckRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const deckId = await deckIdOf(context);
  const query = parseWith(querySchema, Object.fromEntries(new URL(request.url).searchParams));
  const file = await exportDeck(user, deckId, query.format, { language: query.lang, samples: query.samples });
  const body = typeof file.body === "string" ? file.body : new Blob([new Uint8Array(file.body)]);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
