/**
 * $$\mathrm{seed} = \mathrm{cyrb53}(\text{templateId} \,\|\, \text{userId} \,\|\, n) \bmod 2^{32}$$
 *
 * The seed of the variant a user gets at their n-th review of a template: stable across
 * processes and releases (the stored variant is the source of truth anyway, PrairieLearn-style),
 * distinct per user so that neighbours do not share numbers, and a uint32 so that it fits every
 * generator and database column.
 */
import { hash53 } from "./hash";

export function variantSeed(templateId: string, userId: string, reviewNumber: number): number {
  if (!Number.isInteger(reviewNumber) || reviewNumber < 0) throw new RangeError(`reviewNumber must be a non-negative integer, got ${reviewNumber}`);
  // U+001F (unit separator) cannot occur in ids, so ("a", "bc") and ("ab", "c") never collide.
  return hash53(`${templateId}\u001f${userId}\u001f${reviewNumber}`) % 2 ** 32;
}
