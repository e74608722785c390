/**
 * Where to go after signing in: a path on this site, or the home page.
 *
 * Prefix checks are not enough: browsers drop tabs and newlines inside URLs and read `\` as `/`,
 * so `/\t/evil.example` or `/\evil.example` leave the site, and a newline in a Location header is
 * a 500. So the value is refused outright when it holds a control character or a backslash, then
 * resolved against a placeholder origin: only a result on that same origin is kept, and it is
 * returned re-serialised by the URL parser (path, query and fragment, percent-encoded), never as
 * the text that came in (and never as a path starting with `//`).
 */
const PLACEHOLDER_ORIGIN = "https://deepdrill.invalid";
const MAX_CALLBACK_LENGTH = 2048;
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeCallbackUrl(value: unknown): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== "string" || candidate.length > MAX_CALLBACK_LENGTH) return "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//") || UNSAFE_CHARACTERS.test(candidate)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (resolved.origin !== PLACEHOLDER_ORIGIN || resolved.pathname.startsWith("//")) return "/";
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
