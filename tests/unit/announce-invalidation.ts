// A second process for lib/server-shared/platform/cache-invalidation.test.ts: announces one invalidation on the
// database of DATABASE_URL, prints the time it was sent, and exits.
import { announceInvalidation, startCacheListener } from "../../lib/server-shared/platform/cache-invalidation";

async function main(): Promise<void> {
  const [cache, ...keys] = process.argv.slice(2);
  if (!cache) throw new Error("usage: announce-invalidation <cache> <key>...");
  const listening = await startCacheListener();
  const sentAt = Date.now();
  await announceInvalidation(cache, keys);
  process.stdout.write(`${sentAt}\n`);
  await listening?.end();
}

void main();
