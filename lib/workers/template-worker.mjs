// The entry of a template worker thread. Plain JavaScript, outside the Next bundle, so that the
// same file starts under `next start` (production) and under vitest: it registers tsx and loads
// the TypeScript worker beside it (lib/server/template-pool.ts resolves it from the project root).
import { tsImport } from "tsx/esm/api";

await tsImport("./template-worker.ts", import.meta.url);
