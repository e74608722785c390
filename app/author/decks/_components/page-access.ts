import "server-only";
import { forbidden, notFound } from "next/navigation";
import { deckAccess, type DeckAccess } from "@/lib/server/decks/authoring";
import { AppError } from "@/lib/server-shared/errors";
import { requirePageInstructor } from "@/lib/server/accounts/page-guards";
import type { CurrentUser } from "@/lib/server/accounts/users";

/**
 * For the /author/decks/<id>/… pages: sign-in redirect, 403 page for students and for decks the
 * instructor may only read (when `edit`), 404 for decks they may not see. The rules themselves
 * are the data layer's (lib/server/decks/authoring.ts).
 */
export async function deckForPage(deckId: string, path: string, edit: boolean): Promise<{ user: CurrentUser; access: DeckAccess }> {
  const user = await requirePageInstructor(path);
  let access: DeckAccess;
  try {
    access = await deckAccess(user, deckId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
  if (edit && access.role === "reader") forbidden();
  return { user, access };
}
