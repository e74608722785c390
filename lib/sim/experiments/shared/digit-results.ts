/** Confusion matrices and misclassified digits, as plain data for the MNIST experiments' pages. */
import { accuracy, argMaxRows, confusionMatrix } from "../../metrics/classification-metrics";
import { MNIST_CLASSES, MNIST_PIXELS, type MnistDataset } from "../../datasets/mnist-format";
import type { TrainedModel } from "../../engine/experiment-types";
import type { MnistArrays } from "./mnist-subsets";

export interface Misclassified {
  /** Position in the shipped 2,000-digit test set. */
  testIndex: number;
  label: number;
  predicted: number;
  /** The model's probability for its (wrong) answer. */
  confidence: number;
  /** 28 × 28 pixels, 0–255, row-major: ready to draw. */
  pixels: number[];
}

export interface DigitScores {
  accuracy: number;
  /** `confusion[actual][predicted]`. */
  confusion: number[][];
  misclassified: Misclassified[];
  misclassifiedCount: number;
}

export async function scoreDigits(model: TrainedModel, arrays: MnistArrays, mnist: MnistDataset, keep = 24): Promise<DigitScores> {
  const probabilities = await model.predict(arrays.test.x, arrays.test.count);
  const predicted = argMaxRows(probabilities, MNIST_CLASSES);
  const misclassified: Misclassified[] = [];
  let misclassifiedCount = 0;
  arrays.testLabels.forEach((label, i) => {
    const guess = predicted[i] as number;
    if (guess === label) return;
    misclassifiedCount++;
    if (misclassified.length >= keep) return;
    const testIndex = arrays.testIndices[i] as number;
    misclassified.push({
      testIndex,
      label,
      predicted: guess,
      confidence: probabilities[i * MNIST_CLASSES + guess] as number,
      pixels: Array.from(mnist.test.pixels.subarray(testIndex * MNIST_PIXELS, (testIndex + 1) * MNIST_PIXELS)),
    });
  });
  return {
    accuracy: accuracy(arrays.testLabels, predicted),
    confusion: confusionMatrix(arrays.testLabels, predicted, MNIST_CLASSES),
    misclassified,
    misclassifiedCount,
  };
}
