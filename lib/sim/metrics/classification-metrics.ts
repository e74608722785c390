/** Accuracy and the confusion matrix of a classifier, from its scores (logits or probabilities). */

/** The arg-max class of each row of a row-major samples × classes matrix. */
export function argMaxRows(scores: ArrayLike<number>, classes: number): Uint8Array {
  const rows = scores.length / classes;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const score = scores[r * classes + c] as number;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
}

export function accuracy(labels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (labels.length !== predicted.length || labels.length === 0) throw new Error("accuracy needs equal, non-empty label lists");
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === predicted[i]) correct++;
  return correct / labels.length;
}

/** `matrix[actual][predicted]` counts. */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = matrix[labels[i] as number];
    const column = predicted[i] as number;
    if (row && column < classes) row[column] = (row[column] as number) + 1;
  }
  return matrix;
}
