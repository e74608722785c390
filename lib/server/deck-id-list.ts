/** A stored JSON array of deck ids (Exam.deckIds, ExamDate.deckIds); anything else reads as none. */
export function parseDeckIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}
