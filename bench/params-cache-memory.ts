/**
 * Memory held by the `/api/model/params` report cache: `node --expose-gc --import tsx bench/params-cache-memory.ts`.
 * Prints figures, asserts nothing.
 *
 * 1. 1,000 distinct invalid ~60 KB specs (what an anonymous client can send): heap before and after,
 *    and what the cache holds (nothing: only valid specs are kept).
 * 2. The same valid spec in three spellings (key order, defaults written out): one entry.
 * 3. 2,000 distinct valid specs: entries and bytes held against the 8 MB budget.
 */
import { cachedParamsReport, reportCache, REPORT_CACHE_BYTES } from "../app/api/model/params/report-cache";
import { quietTfjs } from "../lib/model-core/tfjs";
import { runBench } from "./run-bench";

quietTfjs();
const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
runBench(() => {
  if (!gc) console.log("(run with node --expose-gc for settled heap figures)");

  const start = heapMb();
  for (let i = 0; i < 1_000; i += 1) cachedParamsReport({ input: [4], layers: [{ type: "dense", units: 0 }], pad: `${i}-${"x".repeat(60_000)}` });
  console.log(`1,000 invalid 60 KB specs: heap ${start.toFixed(1)} → ${heapMb().toFixed(1)} MB; cache ${reportCache.size} entries, ${mb(reportCache.bytes)} MB`);

  const spellings = [
    { input: [16], layers: [{ type: "dense", units: 8 }] },
    { layers: [{ units: 8, type: "dense" }], input: [16] },
    { input: [16], convention: "keras", layers: [{ type: "dense", units: 8, useBias: true }] },
  ];
  for (const spec of spellings) cachedParamsReport(spec);
  console.log(`one valid spec in ${spellings.length} spellings (key order, defaults written out): cache ${reportCache.size} entries`);

  const before = heapMb();
  const t0 = performance.now();
  for (let i = 0; i < 2_000; i += 1) cachedParamsReport({ input: [1 + (i % 50)], layers: [{ type: "dense", units: 1 + Math.floor(i / 50) }, { type: "dense", units: 1 }] });
  console.log(
    `2,000 distinct valid specs in ${((performance.now() - t0) / 1000).toFixed(1)} s: cache ${reportCache.size} entries, ${mb(reportCache.bytes)} MB of ${mb(REPORT_CACHE_BYTES)} MB; heap ${before.toFixed(1)} → ${heapMb().toFixed(1)} MB`,
  );
});
