/**
 * Regression summaries used in the ISLP labs: mean squared error, mean absolute error (Hitters,
 * §10.9.1) and R² = 1 − RSS/TSS (NYSE, §10.9.6, computed against the test set's own mean as the lab does).
 */
type Values = ArrayLike<number>;

function checkLengths(actual: Values, predicted: Values): void {
  if (actual.length !== predicted.length) throw new Error(`${actual.length} actual values but ${predicted.length} predictions`);
  if (actual.length === 0) throw new Error("no values to score");
}

export function meanSquaredError(actual: Values, predicted: Values): number {
  checkLengths(actual, predicted);
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += ((actual[i] as number) - (predicted[i] as number)) ** 2;
  return total / actual.length;
}

export function meanAbsoluteError(actual: Values, predicted: Values): number {
  checkLengths(actual, predicted);
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += Math.abs((actual[i] as number) - (predicted[i] as number));
  return total / actual.length;
}

export function rSquared(actual: Values, predicted: Values): number {
  checkLengths(actual, predicted);
  let mean = 0;
  for (let i = 0; i < actual.length; i++) mean += actual[i] as number;
  mean /= actual.length;
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < actual.length; i++) {
    rss += ((actual[i] as number) - (predicted[i] as number)) ** 2;
    tss += ((actual[i] as number) - mean) ** 2;
  }
  return tss === 0 ? 0 : 1 - rss / tss;
}
