/**
 * Thrown by the functions that take an already-typed spec (derive, verify, build) when its layers
 * do not fit together. Callers holding untrusted input use `validateSpec` and get a message instead.
 */
export class InvalidSpecError extends Error {
  constructor(
    message: string,
    readonly layerIndex?: number,
  ) {
    super(message);
    this.name = "InvalidSpecError";
  }
}
