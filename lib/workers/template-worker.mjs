// The entry of a template worker thread. Plain JavaScript, outside the Next bundle, so that the
// same file starts under `next start` (production) and under vitest: it registers tsx and loads
// the TypeScript worker beside it (lib/server/decks/template-pool.ts resolves it from the project root).
// tsx is imported by a specifier built at run time: the production build traces this file's
// imports, and tsx's own dist (esbuild's binary among it) is nothing a bundler can read.
const tsxApi = ["tsx", "esm", "api"].join("/");
const { tsImport } = await import(tsxApi);

await tsImport("./template-worker.ts", import.meta.url);
