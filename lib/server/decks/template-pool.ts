import "server-only";
import { msg } from "@/lib/i18n/message";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Item } from "@/lib/questions";
import type { TemplateLane, TemplateTask, TemplateTaskResult, TemplateWorkerData, WorkerReply, WorkerRequest } from "@/lib/workers/template-task";
import { AppError } from "@/lib/server-shared/errors";
import { processShared } from "@/lib/server-shared/platform/process-shared";

/**
 * A small pool of worker threads that run instructors' templates: the harness at save and import,
 * and the live preview. A template's variants are generated and verified with TensorFlow.js, which
 * is synchronous CPU work; on the request thread one expensive template held every other request
 * (GET /api/health waited seconds). Here each item runs in a worker with a time budget: past it the
 * worker is terminated (the only way to stop synchronous work) and the instructor gets a 422 that
 * names the template and the limit. docs/architecture.md "Template limits".
 *
 * Previews are interactive (an instructor is typing) and harness runs are not (a save, an import):
 * the pool keeps one slot for previews only, and its worker runs at a higher (still below normal)
 * CPU priority than the harness workers, so a preview is never queued behind a heavy import and
 * gets the CPU before it. Harness slots take a waiting preview first too.
 *
 * The worker is a plain .mjs file outside the Next bundle (lib/workers/template-worker.mjs), found
 * from the project root (the working directory of `npm start`, `next start` and vitest), which
 * loads its TypeScript through tsx: the same path works in the production build and in tests.
 */

/** Per item: what the preview (five verified variants) and the harness (a hundred, every probe) may take. */
export const TEMPLATE_BUDGET_MS = { preview: 3_000, harness: 15_000 } as const;
/** Waiting items beyond this many are refused (503) rather than queued without end. */
export const MAX_QUEUED_TASKS = 64;
/** A worker idle this long is ended (tfjs holds tens of MB in each). */
const IDLE_MS = 5 * 60_000;
/** Starting a worker (tsx + tfjs) is not the template's cost: it has its own, generous limit. */
const START_TIMEOUT_MS = 60_000;

/** The worker's entry file: a plain file on disk, from the project root (the working directory). */
function workerEntry(): string {
  return path.join(process.cwd(), "lib", "workers", "template-worker.mjs");
}

/** Harness slots (DEEPDRILL_TEMPLATE_WORKERS); the pool has one preview-only slot besides them. */
export function poolSize(): number {
  const fromEnv = Number(process.env.DEEPDRILL_TEMPLATE_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 8) return fromEnv;
  // Leave a core for the request thread.
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

interface Job {
  task: TemplateTask;
  budgetMs: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  lane: TemplateLane;
  worker: Worker | null;
  ready: Promise<Worker> | null;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

/** "Template "x" took longer than the 3 s limit for a preview …" — names the template and the limit. */
export function budgetExceeded(task: TemplateTask, budgetMs: number): AppError {
  const what = task.kind === "preview" ? msg("template.previewWork") : msg("template.harnessWork");
  return new AppError(
    422,
    msg("template.tooExpensive", { id: task.item.id, what, seconds: budgetMs / 1000 }),
    { [task.item.id]: [msg("template.overBudget", { seconds: budgetMs / 1000 })] },
  );
}

class TemplatePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(harnessSlots: number) {
    // The preview slot first: an idle pool gives a preview the worker the editor page warmed.
    const lanes: TemplateLane[] = ["preview", ...Array.from({ length: harnessSlots }, () => "harness" as const)];
    this.slots = lanes.map((lane) => ({ lane, worker: null, ready: null, job: null, idleTimer: null }));
  }

  run(task: TemplateTask, budgetMs: number): Promise<unknown> {
    if (this.queue.length >= MAX_QUEUED_TASKS) {
      return Promise.reject(new AppError(503, msg("template.busy")));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ task, budgetMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the preview worker and the first harness worker ahead of need (tsx and tfjs take seconds to load). */
  warm(): void {
    for (const lane of ["preview", "harness"] as const) {
      const slot = this.slots.find((candidate) => candidate.lane === lane);
      if (slot && !slot.ready) this.start(slot).catch((error: unknown) => console.error("[deepdrill] template worker could not start", error));
    }
  }

  /** The queued job this slot runs next: the oldest preview, else (on a harness slot) the oldest job. */
  private nextJobIndex(slot: Slot): number {
    const preview = this.queue.findIndex((job) => job.task.kind === "preview");
    if (preview >= 0 || slot.lane === "preview") return preview;
    return this.queue.length > 0 ? 0 : -1;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const index = this.nextJobIndex(slot);
      if (index < 0) continue;
      const job = this.queue.splice(index, 1)[0]!;
      slot.job = job;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      void this.runOn(slot, job);
    }
  }

  private start(slot: Slot): Promise<Worker> {
    if (slot.ready) return slot.ready;
    // Reflect.construct, not a literal `new Worker(path)`: Next's bundler follows that form and
    // would pull the worker (and tsx) into the route's bundle; the worker must stay a file on disk.
    const worker = Reflect.construct(Worker, [workerEntry(), { workerData: { lane: slot.lane } satisfies TemplateWorkerData }]) as Worker;
    // A worker never keeps the process (a test run, a CLI command) alive.
    worker.unref();
    // An uncaught error ends the worker ("exit" follows); without a listener it would end the server.
    worker.on("error", (error) => console.error("[deepdrill] template worker failed", error));
    slot.worker = worker;
    slot.ready = new Promise<Worker>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`template worker did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      timer.unref();
      const onMessage = (message: WorkerReply) => {
        if (!("ready" in message)) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve(worker);
      };
      worker.on("message", onMessage);
      worker.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    worker.once("exit", () => {
      if (slot.worker === worker) this.forget(slot);
    });
    return slot.ready;
  }

  private forget(slot: Slot): void {
    slot.worker = null;
    slot.ready = null;
  }

  private async runOn(slot: Slot, job: Job): Promise<void> {
    let worker: Worker;
    try {
      worker = await this.start(slot);
    } catch (error) {
      this.forget(slot);
      this.finish(slot, () => job.reject(error));
      return;
    }
    const id = this.nextId++;
    const done = (settle: () => void) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      this.finish(slot, settle);
    };
    const onMessage = (message: WorkerReply) => {
      if ("ready" in message || message.id !== id) return;
      done(() => (message.ok ? job.resolve(message.result) : job.reject(new Error(message.message))));
    };
    const onExit = (code: number) => done(() => job.reject(new Error(`template worker stopped (exit code ${code}) while checking "${job.task.item.id}"`)));
    // Synchronous work cannot be interrupted: past its budget the worker is ended and started afresh.
    const timer = setTimeout(() => {
      this.forget(slot);
      void worker.terminate();
      done(() => job.reject(budgetExceeded(job.task, job.budgetMs)));
    }, job.budgetMs);
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.postMessage({ id, task: job.task } satisfies WorkerRequest);
  }

  private finish(slot: Slot, settle: () => void): void {
    slot.job = null;
    settle();
    if (slot.worker && !slot.idleTimer) {
      slot.idleTimer = setTimeout(() => {
        slot.idleTimer = null;
        if (slot.job || !slot.worker) return;
        const idle = slot.worker;
        this.forget(slot);
        void idle.terminate();
      }, IDLE_MS);
      slot.idleTimer.unref();
    }
    this.dispatch();
  }
}

// One pool per process (process-shared.ts): the preview route and the import route share it.
const pool = () => processShared("template-pool", () => new TemplatePool(poolSize()));

/** Runs the question harness on one item in a template worker, within TEMPLATE_BUDGET_MS.harness. */
export function harnessInWorker(item: Item, variants: number, budgetMs: number = TEMPLATE_BUDGET_MS.harness): Promise<TemplateTaskResult<{ kind: "harness"; item: Item; variants: number }>> {
  return pool().run({ kind: "harness", item, variants }, budgetMs) as Promise<TemplateTaskResult<{ kind: "harness"; item: Item; variants: number }>>;
}

/** The preview's verified variants of one item in a template worker, within TEMPLATE_BUDGET_MS.preview. */
export function previewInWorker(item: Item, budgetMs: number = TEMPLATE_BUDGET_MS.preview): Promise<TemplateTaskResult<{ kind: "preview"; item: Item }>> {
  return pool().run({ kind: "preview", item }, budgetMs) as Promise<TemplateTaskResult<{ kind: "preview"; item: Item }>>;
}

/** Starts a template worker in the background (the editor page calls it so that its first preview does not wait for one). */
export function warmTemplateWorkers(): void {
  pool().warm();
}
