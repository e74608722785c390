/**
 * The order in which a deck's new cards are introduced: course order, with the parametric cards
 * (numbers that change on every review — the point of the app) brought forward far enough that a
 * student who stops early has met them.
 *
 * Rule: walk the course order and take the next card, except that every prefix of length n must
 * hold at least ⌊n · 2/5⌋ parametric cards while any are left; when the quota is short, the next
 * parametric card (in course order) comes first. Each kind keeps its own course order, so the
 * result is a merge of the two course-ordered subsequences:
 *
 *   n:            1  2  3  4  5  6  7  8  9  10
 *   ⌊2n/5⌋:       0  0  1  1  2  2  2  3  3  4
 *
 * so at least 2 of the first 5 new cards are parametric whenever the deck has 2, and after that
 * about two in five, which leaves the conceptual cards in the majority.
 */

/** Parametric cards wanted in every prefix of length n: ⌊n · PARAMETRIC_SHARE⌋. */
export const PARAMETRIC_SHARE = 2 / 5;

export function parametricQuota(prefixLength: number): number {
  // Exact for the share 2/5 (integer arithmetic; no floating-point floor at multiples of 5).
  return Math.floor((prefixLength * 2) / 5);
}

/**
 * Reorders `items` (given in course order) for introduction. `isParametric` tells the kinds apart.
 * Returns a new array; every item appears exactly once.
 */
export function introductionOrder<T>(items: readonly T[], isParametric: (item: T) => boolean): T[] {
  const kinds = items.map((item) => isParametric(item));
  const parametricIndices = kinds.flatMap((parametric, index) => (parametric ? [index] : []));
  const placed = new Array<boolean>(items.length).fill(false);
  const order: T[] = [];
  let nextParametric = 0; // into parametricIndices: the first parametric card not yet placed
  let cursor = 0; // into items: the first card not yet placed
  while (order.length < items.length) {
    while (placed[cursor]) cursor += 1;
    const short = nextParametric < parametricQuota(order.length + 1);
    const index = short && nextParametric < parametricIndices.length ? (parametricIndices[nextParametric] as number) : cursor;
    placed[index] = true;
    order.push(items[index] as T);
    // Parametric cards are placed in course order, whether pulled forward or reached by the cursor.
    if (kinds[index]) nextParametric += 1;
  }
  return order;
}
