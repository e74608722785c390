/**
 * Students grading as fast as they can (next → answer → grade, no pauses), for the tests and
 * benchmarks that run something else at the same time (admin commands, backups). Every response
 * that is not a 2xx is counted as a failure; every 200 grade with its state is an acknowledgement.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { plausibleResponse, ReviewClient } from "./review-client";

export interface GradeAck {
  reviewId: string;
  grade: number;
  /** performance.now() when the acknowledgement arrived. */
  at: number;
}

export interface GradingLoad {
  acks: GradeAck[];
  failures: string[];
  stop(): Promise<void>;
}

export async function signedInStudents(baseUrl: string, count: number, tag: string): Promise<ReviewClient[]> {
  const clients: ReviewClient[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = new ReviewClient(baseUrl, `${tag}-${i}-${Date.now().toString(36)}@example.com`);
    await client.register();
    await client.signIn();
    await client.setLimits({ newCardsPerDeck: 1_000, reviewsPerDay: 9_999 });
    clients.push(client);
  }
  return clients;
}

export function startGrading(clients: readonly ReviewClient[]): GradingLoad {
  const acks: GradeAck[] = [];
  const failures: string[] = [];
  let stopping = false;
  const loop = async (client: ReviewClient) => {
    for (let round = 0; !stopping; round += 1) {
      try {
        const next = await client.next();
        if (!next.ok) failures.push(`next: HTTP ${next.status}`);
        const item = next.body?.item;
        if (!item) return;
        const answer = await client.answer(item.reviewId, plausibleResponse(item.answerFormat, round), 2_000);
        if (!answer.ok) failures.push(`answer: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
        const graded = await client.grade(item.reviewId, answer.body?.suggestedGrade ?? 4);
        if (graded.ok && graded.body?.state) acks.push({ reviewId: item.reviewId, grade: graded.body.grade, at: performance.now() });
        else failures.push(`grade: HTTP ${graded.status} ${JSON.stringify(graded.body)}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const loops = clients.map(loop);
  return {
    acks,
    failures,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

export interface CommandResult {
  args: string[];
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `npm run -s deepdrill -- <args>` as a separate process on the given database. */
export function runDeepdrill(root: string, databaseFile: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CommandResult> {
  const started = performance.now();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(root, "lib/cli/index.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ args, code, stdout, stderr, ms: performance.now() - started })));
}
