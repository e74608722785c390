/**
 * A template worker: runs the question harness and the authoring preview of one item at a time,
 * off the server's request thread (lib/server/decks/template-pool.ts starts it and enforces the time
 * budget by terminating it). Loaded through template-worker.mjs, which registers tsx.
 */
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { quietTfjs } from "../model-core/tfjs";
import { previewVariants } from "../questions/harness/preview-variants";
import { testItem } from "../questions/harness/run-harness";
import type { TemplateWorkerData, WorkerReply, WorkerRequest } from "./template-task";

const port = parentPort;
if (!port) throw new Error("template-worker.ts runs as a worker thread only");
quietTfjs();
// On Linux the nice value belongs to the thread (setpriority(2), "BUGS"): this worker yields the
// CPU to the request thread whenever both want it. Lowering one's own priority needs no privilege
// (raising it back would), so each lane sets its level once: a preview (an instructor waiting on
// it) runs below normal, a harness run (a save or an import) at the lowest, behind the preview.
const lane = (workerData as TemplateWorkerData | undefined)?.lane ?? "harness";
try {
  setPriority(lane === "preview" ? constants.priority.PRIORITY_BELOW_NORMAL : constants.priority.PRIORITY_LOW);
} catch {
  // Not supported here: the time budget still bounds the work.
}

const reply = (message: WorkerReply) => port.postMessage(message);

port.on("message", (request: WorkerRequest) => {
  const { id, task } = request;
  const work = task.kind === "harness" ? testItem(task.item, task.variants) : previewVariants(task.item);
  work.then(
    (result) => reply({ id, ok: true, result }),
    (error: unknown) => reply({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
reply({ ready: true });
