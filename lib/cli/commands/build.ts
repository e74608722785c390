import { buildFingerprint, recordBuild } from "../build-fingerprint";
import { refuseBuildWhileServing } from "../build-guard";
import { localBin, runToCompletion, say } from "../process";
import { prepareStaticAssets } from "../static-assets";

/** `deepdrill build`: static assets (tfjs wasm files, datasets), then `next build`. */
export async function buildApp(): Promise<void> {
  refuseBuildWhileServing();
  await prepareStaticAssets();
  const fingerprint = buildFingerprint();
  say("building the web app (next build)…");
  await runToCompletion(localBin("next"), ["build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  recordBuild(fingerprint);
}

export async function run(): Promise<number> {
  await buildApp();
  return 0;
}
