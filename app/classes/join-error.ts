import { ApiError } from "@/lib/api-client";

/** The "classes" messages the join form's errors use (lib/i18n/messages/<locale>/classes.json). */
export type JoinErrorTranslator = (key: "join.unknown" | "join.throttled", values?: { minutes: number }) => string;

/** Without a usable Retry-After, the whole window (15 minutes) is the honest wait. */
const FALLBACK_WAIT_SECONDS = 15 * 60;

/**
 * What the join form says when joining fails, in the page's language: an unknown code, too many
 * wrong codes (with the wait, in whole minutes, from Retry-After), or the server's own message.
 */
export function joinErrorMessage(cause: unknown, t: JoinErrorTranslator): string {
  if (cause instanceof ApiError && cause.status === 404) return t("join.unknown");
  if (cause instanceof ApiError && cause.status === 429) {
    return t("join.throttled", { minutes: Math.max(1, Math.ceil((cause.retryAfterSeconds ?? FALLBACK_WAIT_SECONDS) / 60)) });
  }
  return cause instanceof Error ? cause.message : String(cause);
}
