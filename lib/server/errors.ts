/**
 * Errors the data layer throws on purpose. Route handlers map them to status codes in one place
 * (lib/server/http.ts); anything else is a bug and becomes a generic 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, fields?: Record<string, string[]>) => new AppError(400, message, fields);
export const unauthorized = (message = "Sign in to continue.") => new AppError(401, message);
export const forbidden = (message = "You do not have access to this.") => new AppError(403, message);
export const notFound = (message = "Not found.") => new AppError(404, message);
export const conflict = (message: string, fields?: Record<string, string[]>) => new AppError(409, message, fields);
export const tooManyRequests = (retryAfterSeconds: number, message: string) =>
  new AppError(429, message, undefined, { "Retry-After": String(retryAfterSeconds) });
