import { describe, expect, it } from "vitest";
import { parseDeck } from "@/lib/content";
import { testItem } from "@/lib/questions/harness/run-harness";
import { previewVariants } from "@/lib/questions/harness/preview-variants";
import type { Template } from "@/lib/questions";
import { AppError } from "./errors";
import { harnessInWorker, previewInWorker } from "./template-pool";
import { singleLayerTemplateYaml } from "./review-test-fixtures";

/**
 * The template workers (real worker_threads, started from lib/workers/template-worker.mjs as in
 * production): they give what the same code gives in this thread, and a template past its time
 * budget gets a 422 that names it and the limit, after which the pool serves the next one.
 */

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
});
