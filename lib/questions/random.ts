/**
 * The seeded generator behind variants: pure-rand's xoroshiro128+ (fast, 128-bit state,
 * passes BigCrush), consumed through `uniformInt` so that draws are unbiased. A `Random` is
 * created per variant from its seed and never shared, so variants are pure functions of the seed.
 * Seeds must be well mixed, as `variantSeed` (a hash) makes them: pure-rand seeds the state as
 * (−1, ~seed, seed, 0), so a small counter as seed draws its first number at the top of the range
 * (lib/sim/random/seeded-random.ts measures it). The seeding is not changed here, because a stored
 * seed must keep making the same variant.
 */
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export interface Random {
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  const generator = xoroshiro128plus(seed | 0);
  const int = (from: number, to: number): number => uniformInt(generator, from, to);
  return {
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}
