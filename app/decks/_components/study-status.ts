import type { StudyReason } from "@/lib/server/decks/deck-choices";

/** Decks a student may add or remove: public decks outside the course, their classes and their own. */
export function isOptional(reason: StudyReason | undefined): boolean {
  return reason === undefined || reason === "chosen";
}

/** The decks message saying whether a deck is in the student's reviews, and why. */
export function studyStatusKey(reason: StudyReason | undefined): `study.${StudyReason | "notChosen"}` {
  return reason ? `study.${reason}` : "study.notChosen";
}
