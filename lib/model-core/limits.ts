/**
 * Bounds on what the model core accepts. They keep a spec that a person could mistype (or an
 * attacker could post) from asking TensorFlow.js for absurd networks; every real chapter-10
 * network sits orders of magnitude below them.
 */

/** Layers per spec. ISLP's deepest network (the CIFAR100 CNN) has 13. */
export const MAX_LAYERS = 64;

/** Largest size in any one place: an input dimension, a layer size, a kernel, an output dimension. */
export const MAX_DIMENSION = 10_000_000;

/** Largest parameter count of a whole network, in either convention. */
export const MAX_TOTAL_PARAMS = 10_000_000_000;
