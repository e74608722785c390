/**
 * Seeded randomness for the simulations. Every draw a run makes (data, splits, shuffles, seeds of
 * the initialisers) comes from one of these, so a seed in the URL reproduces the run. Backed by
 * pure-rand's xoroshiro128+ (53-bit uniform doubles); `Math.random` is never used in lib/sim.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { fmix32 } from "../../fmix32";

export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform on [low, high). */
  between(low: number, high: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** An integer in [0, n). */
  integer(n: number): number;
  /** A 31-bit seed for something else (a tfjs initialiser, a sub-generator). */
  seed(): number;
}

/** Largest seed a settings schema accepts; tfjs initialisers take any number, URLs like small ones. */
export const MAX_SEED = 2_147_483_647;

/**
 * A generator from a well-mixed seed: pass a {@link deriveSeed} result, never a small counter.
 * pure-rand's `xoroshiro128plus(seed)` sets the state to (−1, ~seed, seed, 0), so its first output is
 * ~seed: every small seed's first uniform is ≈ 1, and seeds 1, 2, 3 … give nearly the same next
 * draws (it made the 200 simulated students of bench/exam-schedule.ts one student repeated). The
 * seeding stays as it is because every experiment's published run is a function of it (the
 * experiments pass {@link deriveSeed} results, which are spread over 31 bits). Many generators
 * from consecutive numbers (one per simulated student) take {@link spreadSeed}.
 */
export function createRandom(seed: number): SeededRandom {
  const generator = xoroshiro128plus(seed | 0);
  const uniform = () => uniformFloat64(generator);
  let spareNormal: number | null = null;
  return {
    uniform,
    between: (low, high) => low + (high - low) * uniform(),
    normal() {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      // 1 − u keeps the logarithm's argument in (0, 1].
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      const angle = 2 * Math.PI * uniform();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    integer: (n) => Math.floor(uniform() * n),
    seed: () => Math.floor(uniform() * MAX_SEED),
  };
}

/** A fresh permutation of 0..n−1 (Fisher–Yates). */
export function permutation(n: number, random: SeededRandom): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    const held = order[i] as number;
    order[i] = order[j] as number;
    order[j] = held;
  }
  return order;
}

/**
 * A sub-seed that depends only on the run's seed and a label ("init:relu", "shuffle"), so adding a
 * model to an experiment does not change the draws of the others. FNV-1a over the label, mixed in.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % MAX_SEED;
}

/**
 * A seed for the `index`-th of many independent generators: the index through {@link fmix32}, so
 * consecutive indices give unrelated seeds (FNV-1a in {@link deriveSeed} leaves a lag-1
 * correlation of about 0.07 between the first draws of consecutive seeds; seeded-random.test.ts).
 */
export function spreadSeed(index: number): number {
  return fmix32(Math.trunc(index)) % MAX_SEED;
}
