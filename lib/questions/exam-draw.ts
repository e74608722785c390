/**
 * Drawing a mock exam (pure, seeded): which cards, in which order, with which variant seeds.
 *
 * Weak concepts weigh more. A concept's weakness is read from the student's review history as a
 * smoothed retention (the share of SM-2-counted grades of 3 or more, lib/server/analytics/stats.ts):
 *
 * $$\hat r_c = \frac{\mathrm{retained}_c + k\,r_0}{\mathrm{reviews}_c + k}, \qquad w_c = 1 + G\,(1 - \hat r_c)$$
 *
 * with prior retention $r_0 = 0.8$ and prior strength $k = 2$ (two pseudo-reviews), so one bad
 * grade does not make a concept "weak" and a concept never reviewed weighs like a moderately known
 * one; gain $G = 4$, so a concept never retained weighs up to five times one always retained.
 *
 * Every ticked deck weighs the same: $w_c$ is divided by the sum of $w$ over the concepts of its
 * deck, so a small class deck is not drowned by the course deck's many concepts.
 *
 * Cards are drawn one at a time: a concept with probability $\propto w_c \cdot d^{n_c}$ among the
 * concepts that still have cards ($n_c$ = cards of it drawn so far, $d = 1/2$, so that the exam
 * still covers several concepts), then a card of that concept uniformly. Drawing continues until
 * every card is ranked: the caller takes the first usable ones (a card whose variant cannot be made
 * is skipped without redrawing) and shuffles them with {@link shuffleForExam}.
 */
import { createRandom, type Random } from "./random";
import { fmix32 } from "../fmix32";

export interface ExamCandidate {
  cardId: string;
  deckId: string;
  concept: string;
}

export interface ConceptHistory {
  /** SM-2-counted (first-of-day) grades of the concept. */
  reviews: number;
  /** Of those, graded 3 or more. */
  retained: number;
}

export const PRIOR_RETENTION = 0.8;
export const PRIOR_STRENGTH = 2;
export const WEAKNESS_GAIN = 4;
export const REPEAT_DECAY = 0.5;

/** Key of a concept within its deck (concept ids are only unique per deck). */
export const conceptKey = (deckId: string, concept: string) => `${deckId}\u001f${concept}`;

/** $\hat r_c$: retention smoothed towards {@link PRIOR_RETENTION}. */
export function smoothedRetention(history: ConceptHistory | undefined): number {
  const reviews = Math.max(0, history?.reviews ?? 0);
  const retained = Math.min(reviews, Math.max(0, history?.retained ?? 0));
  return (retained + PRIOR_STRENGTH * PRIOR_RETENTION) / (reviews + PRIOR_STRENGTH);
}

/** $w_c = 1 + G(1 - \hat r_c)$, from 1 (always retained, many reviews) up to 1 + G. */
export function conceptWeight(history: ConceptHistory | undefined): number {
  return 1 + WEAKNESS_GAIN * (1 - smoothedRetention(history));
}

/**
 * The seed through fmix32 with a salt: neighbouring seeds (exam 1, 2, 3…) would otherwise start the
 * generator in neighbouring states, whose first outputs are correlated.
 */
function mixSeed(seed: number, salt: number): number {
  return fmix32(seed ^ salt);
}

/** A float in [0, 1) from the seeded generator (30 bits are plenty for choosing among concepts). */
function unit(random: Random): number {
  return random.int(0, 2 ** 30 - 1) / 2 ** 30;
}

/**
 * Every candidate, ranked by the weighted draw described above (first = drawn first). Candidates
 * are de-duplicated by card id; the result is a pure function of the inputs and `seed`.
 */
export function rankExamCandidates(
  candidates: readonly ExamCandidate[],
  history: ReadonlyMap<string, ConceptHistory>,
  seed: number,
): ExamCandidate[] {
  const random = createRandom(mixSeed(seed, 0x9e3779b9));
  const pools = new Map<string, { weight: number; drawn: number; cards: ExamCandidate[] }>();
  const seen = new Set<string>();
  // Sorted input: the ranking must not depend on the order the database returned rows in.
  const sorted = [...candidates].sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  for (const candidate of sorted) {
    if (seen.has(candidate.cardId)) continue;
    seen.add(candidate.cardId);
    const key = conceptKey(candidate.deckId, candidate.concept);
    let pool = pools.get(key);
    if (!pool) {
      pool = { weight: conceptWeight(history.get(key)), drawn: 0, cards: [] };
      pools.set(key, pool);
    }
    pool.cards.push(candidate);
  }
  // Every deck of the exam gets the same share: a concept's weight is divided by its deck's total,
  // so a small class deck ticked beside the 22-concept course deck is drawn as often as the course.
  const deckTotals = new Map<string, number>();
  for (const [key, pool] of pools) {
    const deckId = key.split("\u001f")[0] ?? "";
    deckTotals.set(deckId, (deckTotals.get(deckId) ?? 0) + pool.weight);
  }
  for (const [key, pool] of pools) pool.weight /= deckTotals.get(key.split("\u001f")[0] ?? "") ?? 1;
  const keys = [...pools.keys()].sort();
  const ranked: ExamCandidate[] = [];
  for (;;) {
    const open = keys.map((key) => pools.get(key)!).filter((pool) => pool.cards.length > 0);
    if (open.length === 0) break;
    const weights = open.map((pool) => pool.weight * REPEAT_DECAY ** pool.drawn);
    const total = weights.reduce((sum, w) => sum + w, 0);
    let target = unit(random) * total;
    let index = 0;
    while (index < open.length - 1 && target >= weights[index]!) {
      target -= weights[index]!;
      index += 1;
    }
    const pool = open[index]!;
    const [card] = pool.cards.splice(random.int(0, pool.cards.length - 1), 1);
    pool.drawn += 1;
    ranked.push(card!);
  }
  return ranked;
}

/** The exam's questions in a seeded random order, so that weak concepts do not all come first. */
export function shuffleForExam<T>(items: readonly T[], seed: number): T[] {
  // A different stream from the ranking's (same seed, offset), so order and choice are independent.
  return createRandom(mixSeed(seed, 0x5bd1e995)).shuffle(items);
}

/** `count` uint32 variant seeds derived from the exam's seed (fresh numbers for every exam). */
export function examVariantSeeds(seed: number, count: number): number[] {
  const random = createRandom(mixSeed(seed, 0x27d4eb2f));
  return Array.from({ length: count }, () => random.int(0, 0xffff) * 0x10000 + random.int(0, 0xffff));
}
