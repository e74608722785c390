import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content";
import { testItem } from "@/lib/questions/harness/run-harness";
import { previewVariants } from "@/lib/questions/harness/preview-variants";
import type { Template } from "@/lib/questions";
import { AppError } from "@/lib/server-shared/errors";
import { harnessInWorker, poolSize, previewInWorker } from "./template-pool";
import { singleLayerTemplateYaml } from "../testing/review-fixtures";

/**
 * The template workers (real worker_threads, started from lib/workers/template-worker.mjs as in
 * production): they give what the same code gives in this thread, and a template past its time
 * budget gets a 422 that names it and the limit, after which the pool serves the next one.
 */

/** Long enough that a warm preview worker answers well within it on a loaded machine; the imports burn a core (at the lowest priority) meanwhile. */
const BUSY_HARNESS_BUDGET_MS = 20_000;

function template(id: string): Template {
  const parsed = parseDeck([
    { path: "pool/deck.yaml", text: "id: pool\ntitle: {ko: 풀, en: Pool}\nconcepts:\n  - {id: counting, ko: 모수 세기, en: Counting parameters}\n" },
    { path: "pool/templates.yaml", text: singleLayerTemplateYaml(id) },
  ]);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  return parsed.deck.templates[0]!;
}

describe("template workers", () => {
  it("run the harness and the preview off this thread with the same results as in it", async () => {
    const item = template("pool-same");
    const [inWorker, here] = await Promise.all([harnessInWorker(item, 20), testItem(item, 20)]);
    expect(inWorker).toEqual(here);
    expect(inWorker.variants).toBeGreaterThanOrEqual(20);
    expect(await previewInWorker(item)).toEqual(await previewVariants(item));
  });

  it("answer a template over its time budget with a 422 naming the template and the limit, then serve the next one", async () => {
    const slow = template("pool-too-slow");
    const error = await harnessInWorker(slow, 200, 5).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toBe(
      'Template "pool-too-slow" is too expensive: the harness (its variants, verified and checked) took longer than the 0.005 s limit. Use smaller sizes or narrower ranges (see "Template limits" in the README).',
    );
    // The worker that ran it was ended; a fresh one takes the next template.
    const next = await previewInWorker(template("pool-after"));
    expect(next.variants.length).toBeGreaterThan(0);
  });

  it("run a preview while every harness slot is busy with an import: previews have a slot of their own", async () => {
    // The preview worker is running before the imports start, so what this shows is the queue, not a worker's start.
    await previewInWorker(template("pool-warm"));
    // Imports that take every harness slot until their budget ends them (a million variants never finish in it).
    const ended: string[] = [];
    const imports = Array.from({ length: poolSize() }, (_, i) =>
      harnessInWorker(template(`pool-busy-${i}`), 1_000_000, BUSY_HARNESS_BUDGET_MS).then(
        () => ended.push(`pool-busy-${i}`),
        (error: unknown) => {
          ended.push(`pool-busy-${i}`);
          return error;
        },
      ),
    );
    const preview = await previewInWorker(template("pool-during-import"));
    expect(preview.variants.length).toBeGreaterThan(0);
    expect(ended).toEqual([]);
    // The imports are then stopped by their budget, as any other template over it.
    for (const outcome of await Promise.all(imports)) expect(outcome).toMatchObject({ status: 422 });
  }, 2 * BUSY_HARNESS_BUDGET_MS + 60_000);
});
