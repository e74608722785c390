import type { ParamValues } from "@/lib/questions";

/**
 * A student's problem report as `/author/analytics` lists it: with the exact variant to open at
 * `/practice/<itemId>?seed=…`, when the template has not changed since. Pure: the data layer reads
 * and parses the rows.
 */

export interface ReportedProblem {
  id: number;
  createdAt: string;
  student: string;
  deckId: string;
  cardId: string;
  itemId: string;
  message: string;
  seed: number;
  params: ParamValues;
  anchor: string | null;
  response: string | null;
  templateVersion: string;
  /** False when the template changed since: the seed alone no longer gives the same numbers. */
  sameVersion: boolean;
  /** `/practice/<itemId>?seed=…[&anchor=…]`: the exact variant, when the version is unchanged. */
  openHref: string;
}

/** A stored report, its parameters column already parsed. */
export interface ProblemReportRow {
  id: number;
  createdAt: Date;
  userId: string;
  deckId: string;
  cardId: string;
  message: string;
  variantSeed: bigint | number;
  templateVersion: string;
  stored: { params: ParamValues; anchor: string | null; response: string | null };
}

export function practiceHref(itemId: string, seed: number, anchor: string | null): string {
  const query = new URLSearchParams({ seed: String(seed), ...(anchor ? { anchor } : {}) });
  return `/practice/${encodeURIComponent(itemId)}?${query.toString()}`;
}

/**
 * `card` is the reported card as it is now (undefined when it is gone: its item id is then read
 * from the card id, `<deckId>/<itemId>`); `student` the reporter's name.
 */
export function reportedProblem(row: ProblemReportRow, card: { itemId: string; version: string } | undefined, student: string): ReportedProblem {
  const itemId = card?.itemId ?? row.cardId.split("/").slice(1).join("/");
  const seed = Number(row.variantSeed);
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    student,
    deckId: row.deckId,
    cardId: row.cardId,
    itemId,
    message: row.message,
    seed,
    params: row.stored.params,
    anchor: row.stored.anchor,
    response: row.stored.response,
    templateVersion: row.templateVersion,
    sameVersion: card?.version === row.templateVersion,
    openHref: practiceHref(itemId, seed, row.stored.anchor),
  };
}
