/**
 * The simulations, in the order the /sim index shows them: the one list both the simulation
 * engine and the deck format (a card's `simulation:` field) read. No imports, so the deck schema in
 * lib/questions can use it without pulling in the engine.
 */
export const EXPERIMENT_IDS = [
  "activation",
  "hidden-units",
  "overfitting",
  "dropout",
  "hitters",
  "minibatch-sgd",
  "mnist-mlp",
  "convolution",
  "max-pooling",
  "cnn-vs-mlp",
  "rnn-nyse",
  "dl-vs-methods",
  "weight-shapes",
  "cnn-blocks",
  "lstm-embedding",
] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];
