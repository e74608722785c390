import { expect } from "vitest";
import { AppError } from "../errors";

/** Asserts that `promise` rejects with an AppError of HTTP `status` and returns it (tests only). */
export async function expectStatus(promise: Promise<unknown>, status: number): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  return error as AppError;
}
