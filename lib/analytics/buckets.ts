import type { Bilingual, ParamValue, ParamValues } from "@/lib/questions";

/**
 * Pure aggregation for /author/analytics: accuracy by parameter value (bucketed) and the most
 * frequent matched mistakes. No database here: lib/analytics/class-summary.ts feeds it a template's attempts.
 */

export interface ParamObservation {
  value: ParamValue;
  correct: boolean;
}

export interface ParamBucket {
  /** "7", "2–5" or "same"; numbers in buckets are inclusive bounds. */
  label: string;
  /** Numeric buckets: smallest and largest value in the bucket (for sorting and charts). */
  from: number | null;
  to: number | null;
  attempts: number;
  correct: number;
  rate: number | null;
}

export interface ParamAccuracy {
  param: string;
  buckets: ParamBucket[];
}

export const MAX_BUCKETS = 5;

const rateOf = (correct: number, attempts: number) => (attempts === 0 ? null : correct / attempts);

/** A bucket bound as a label: integers as they are, other values to 4 significant digits. */
function boundLabel(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * Numeric values in at most `maxBuckets` buckets of about equal attempt counts, never splitting one
 * value across buckets (so "p = 7" is always in exactly one bucket). With few distinct values, one
 * bucket per value. Equal-count rather than equal-width, so a skewed range (powers of two, say)
 * still gives buckets with enough attempts to compare.
 */
export function numericBuckets(observations: readonly { value: number; correct: boolean }[], maxBuckets = MAX_BUCKETS): ParamBucket[] {
  const byValue = new Map<number, { attempts: number; correct: number }>();
  for (const o of observations) {
    if (!Number.isFinite(o.value)) continue;
    const entry = byValue.get(o.value) ?? { attempts: 0, correct: 0 };
    entry.attempts += 1;
    if (o.correct) entry.correct += 1;
    byValue.set(o.value, entry);
  }
  const values = [...byValue.keys()].sort((a, b) => a - b);
  const total = values.reduce((sum, v) => sum + byValue.get(v)!.attempts, 0);
  const groups: number[][] = [];
  if (values.length <= maxBuckets) {
    for (const value of values) groups.push([value]);
  } else {
    // Close a bucket once it reaches its share of what is left, keeping room for the remaining buckets.
    let current: number[] = [];
    let inCurrent = 0;
    let left = total;
    for (const [index, value] of values.entries()) {
      const count = byValue.get(value)!.attempts;
      current.push(value);
      inCurrent += count;
      const bucketsLeft = maxBuckets - groups.length;
      const valuesLeft = values.length - index - 1;
      const share = left / bucketsLeft;
      if (bucketsLeft > 1 && valuesLeft >= bucketsLeft - 1 && (inCurrent >= share || valuesLeft === bucketsLeft - 1)) {
        groups.push(current);
        left -= inCurrent;
        current = [];
        inCurrent = 0;
      }
    }
    if (current.length > 0) groups.push(current);
  }
  return groups.map((group) => {
    const from = group[0]!;
    const to = group.at(-1)!;
    const attempts = group.reduce((sum, v) => sum + byValue.get(v)!.attempts, 0);
    const correct = group.reduce((sum, v) => sum + byValue.get(v)!.correct, 0);
    return { label: from === to ? boundLabel(from) : `${boundLabel(from)}–${boundLabel(to)}`, from, to, attempts, correct, rate: rateOf(correct, attempts) };
  });
}

/** Word values ("same", "valid"): one bucket each, the most frequent first, the rest as "…". */
export function wordBuckets(observations: readonly { value: string; correct: boolean }[], maxBuckets = MAX_BUCKETS): ParamBucket[] {
  const byValue = new Map<string, { attempts: number; correct: number }>();
  for (const o of observations) {
    const entry = byValue.get(o.value) ?? { attempts: 0, correct: 0 };
    entry.attempts += 1;
    if (o.correct) entry.correct += 1;
    byValue.set(o.value, entry);
  }
  const sorted = [...byValue.entries()].sort((a, b) => b[1].attempts - a[1].attempts || a[0].localeCompare(b[0]));
  const shown = sorted.length <= maxBuckets ? sorted : sorted.slice(0, maxBuckets - 1);
  const rest = sorted.slice(shown.length);
  const buckets = shown.map(([label, e]) => ({ label, from: null, to: null, attempts: e.attempts, correct: e.correct, rate: rateOf(e.correct, e.attempts) }));
  if (rest.length > 0) {
    const attempts = rest.reduce((sum, [, e]) => sum + e.attempts, 0);
    const correct = rest.reduce((sum, [, e]) => sum + e.correct, 0);
    buckets.push({ label: "…", from: null, to: null, attempts, correct, rate: rateOf(correct, attempts) });
  }
  return buckets;
}

/**
 * Accuracy by parameter value for one template, from its attempts' parameters. Matrix parameters
 * (a kernel's numbers) are left out: accuracy "by matrix" means nothing to an instructor. A parameter
 * that took a single value everywhere is left out too (nothing to compare).
 */
export function accuracyByParam(attempts: readonly { params: ParamValues; correct: boolean }[], maxBuckets = MAX_BUCKETS): ParamAccuracy[] {
  const names = new Set<string>();
  for (const attempt of attempts) for (const name of Object.keys(attempt.params)) names.add(name);
  const result: ParamAccuracy[] = [];
  for (const param of [...names].sort()) {
    const numbers: { value: number; correct: boolean }[] = [];
    const words: { value: string; correct: boolean }[] = [];
    for (const attempt of attempts) {
      const value = attempt.params[param];
      if (typeof value === "number") numbers.push({ value, correct: attempt.correct });
      else if (typeof value === "string") words.push({ value, correct: attempt.correct });
    }
    const buckets = numbers.length >= words.length ? numericBuckets(numbers, maxBuckets) : wordBuckets(words, maxBuckets);
    if (buckets.length > 1) result.push({ param, buckets });
  }
  return result;
}

export interface MistakeCount {
  feedback: Bilingual;
  count: number;
}

/** The matched mistakes of wrong attempts, most frequent first (by their English text). */
export function topMistakes(mistakes: readonly Bilingual[], limit = 5): MistakeCount[] {
  const counts = new Map<string, MistakeCount>();
  for (const feedback of mistakes) {
    const entry = counts.get(feedback.en);
    if (entry) entry.count += 1;
    else counts.set(feedback.en, { feedback, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.feedback.en.localeCompare(b.feedback.en)).slice(0, limit);
}
