/**
 * The messages between the server and a template worker (lib/server/decks/template-pool.ts ↔
 * lib/workers/template-worker.ts). Plain data: items are the validated JSON of the deck.
 */
import type { ItemReport } from "../questions/harness/run-harness";
import type { PreviewVariants } from "../questions/harness/preview-variants";
import type { Item } from "../questions/template-schema";

export type TemplateTask = { kind: "harness"; item: Item; variants: number } | { kind: "preview"; item: Item };

export type TemplateTaskResult<T extends TemplateTask> = T extends { kind: "harness" } ? ItemReport : PreviewVariants;

/** A worker runs in one lane of the pool: previews (interactive) or harness runs (saves and imports). */
export type TemplateLane = "preview" | "harness";

/** What the pool hands a worker when it starts it. */
export type TemplateWorkerData = { lane: TemplateLane };

export type WorkerRequest = { id: number; task: TemplateTask };

export type WorkerReply = { ready: true } | { id: number; ok: true; result: ItemReport | PreviewVariants } | { id: number; ok: false; message: string };
