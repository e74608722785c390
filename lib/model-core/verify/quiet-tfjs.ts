import * as tf from "@tensorflow/tfjs";

/**
 * Silences tfjs' informational warnings (the "looks like you are running TensorFlow.js in Node.js"
 * banner, deprecation notes) for the whole process: they go through tfjs' logger, which `PROD`
 * mode mutes. For command-line tools whose output must be just the result.
 */
export function quietTfjs(): void {
  tf.enableProdMode();
}
