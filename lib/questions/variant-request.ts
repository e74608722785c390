/**
 * Which variant a review issues: a student's first review of a template that has a lab anchor
 * shows the lab's own network ("the lab's network": the numbers they met in class), every later
 * review draws fresh numbers from `variantSeed`. Static cards just take the seed (it orders
 * multiple-choice options).
 */
import { isTemplate, type Item } from "./template-schema";
import type { VariantOptions } from "./make-variant";
import { variantSeed } from "./variant-seed";

export interface VariantRequest {
  seed: number;
  options: VariantOptions;
}

export function chooseVariantRequest(item: Item, userId: string, reviewNumber: number): VariantRequest {
  const seed = variantSeed(item.id, userId, reviewNumber);
  if (reviewNumber === 0 && isTemplate(item)) {
    const lab = item.anchors?.find((anchor) => anchor.lab === true);
    if (lab) return { seed, options: { anchor: lab.id } };
  }
  return { seed, options: {} };
}
