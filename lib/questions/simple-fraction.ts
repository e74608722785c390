/**
 * The simplest fraction within 1e-9 of `value` with a denominator up to `maxDenominator`,
 * as `[numerator, denominator]`, or undefined (e.g. test_size = 1/3 is stored as 0.333…).
 */
export function asSimpleFraction(value: number, maxDenominator = 100): [number, number] | undefined {
  for (let denominator = 1; denominator <= maxDenominator; denominator += 1) {
    const numerator = Math.round(value * denominator);
    if (Math.abs(numerator / denominator - value) < 1e-9) return [numerator, denominator];
  }
  return undefined;
}
