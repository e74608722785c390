/**
 * Where to go after signing in. Only same-site paths are allowed ("/review", not
 * "https://evil.example" or "//evil.example"), so the login page cannot be used as an open redirect.
 */
export function safeCallbackUrl(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string") return "/";
  return candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\") ? candidate : "/";
}
