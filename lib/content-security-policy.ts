/**
 * The Content-Security-Policy of every response, with a fresh nonce per request (set in
 * proxy.ts; Next.js reads the nonce from the request's policy and puts it on its own scripts).
 *
 * Scripts: only this site's files and inline scripts carrying the nonce, so an injected
 * `<script>` or event handler does not run. `'wasm-unsafe-eval'` lets tfjs compile its
 * WebAssembly backend (it allows WebAssembly compilation, not `eval`). In development React needs
 * `eval` for its debugging aids; production never gets `'unsafe-eval'`.
 *
 * Styles keep `'unsafe-inline'`: KaTeX and CodeMirror size and place their output with style
 * attributes, which nonces cannot cover. A style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
