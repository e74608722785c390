// Deliberately free of "server-only": a test drives it from a second process (cache-invalidation.test.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { databaseKind, databaseUrl } from "./database-url";
import { processShared } from "./process-shared";

/**
 * Per-process caches (deck visibility, user settings, the deck list) kept coherent across several
 * instances on one PostgreSQL database with LISTEN/NOTIFY (docs/architecture.md, "Databases").
 *
 * A write that changes access (join, leave, removal, deck assignment, publish, privacy, settings,
 * role) clears its entries locally, as before, and announces the clearing on the channel; every other
 * instance listening on the database clears the same entries within milliseconds of the commit. If the
 * listening connection drops, the instance clears every cache when it is back (it may have missed
 * announcements), and the caches' own few-second lifetimes bound the staleness meanwhile.
 * On SQLite (one machine, one process) there is nobody to tell.
 */

export const CACHE_CHANNEL = "deepdrill_cache";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: longer key lists become "clear all". */
const MAX_PAYLOAD = 7_000;
const RECONNECT_MS = 1_000;

/** Clears the named entries of one cache in this process (all of them for null). */
export type InvalidationHandler = (keys: readonly string[] | null) => void;

const messageSchema = z.object({ cache: z.string(), keys: z.array(z.string()).nullable(), from: z.string() });

interface ListenerState {
  instanceId: string;
  handlers: Map<string, InvalidationHandler>;
  client: Promise<pg.Client> | null;
  /** Announcements being sent: while any is, the socket keeps the process alive. */
  inFlight: number;
}

// One per process (process-shared.ts): every bundle's copy of a cache module registers here.
const state = processShared("cache-invalidation", (): ListenerState => ({ instanceId: randomUUID(), handlers: new Map(), client: null, inFlight: 0 }));

/** Registers how this process clears cache `cache` when another instance announces a change. */
export function onInvalidation(cache: string, handler: InvalidationHandler): void {
  state.handlers.set(cache, handler);
}

function clearEverything(): void {
  for (const handler of state.handlers.values()) handler(null);
}

function deliver(payload: string | undefined): void {
  let message: z.infer<typeof messageSchema>;
  try {
    message = messageSchema.parse(JSON.parse(payload ?? ""));
  } catch {
    return; // not ours, or garbled: nothing to clear
  }
  if (message.from === state.instanceId) return;
  state.handlers.get(message.cache)?.(message.keys);
}

function socketOf(client: pg.Client): { ref?: () => void; unref?: () => void } | undefined {
  return (client as unknown as { connection?: { stream?: { ref?: () => void; unref?: () => void } } }).connection?.stream;
}

async function connectListener(url: string, reconnecting: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  const dropped = () => {
    if (state.client === connecting) state.client = null;
    client.removeAllListeners();
    client.on("error", () => undefined); // an unhandled 'error' event would end the process
    void client.end().catch(() => undefined);
    setTimeout(() => void startCacheListener(url)?.catch(() => undefined), RECONNECT_MS).unref();
  };
  const connecting: Promise<pg.Client> = (async () => {
    client.on("notification", (notification) => deliver(notification.payload));
    client.on("error", dropped);
    client.on("end", dropped);
    await client.connect();
    await client.query(`LISTEN ${CACHE_CHANNEL}`);
    // The listener alone must not keep a process alive: a CLI command (users promote) ends when its
    // work does, and a server is kept alive by its HTTP socket anyway. An announcement in flight
    // holds it (announceInvalidation), so a command's last announcement is still sent.
    socketOf(client)?.unref?.();
    if (reconnecting) clearEverything();
    return client;
  })();
  return connecting;
}

/** Starts listening (PostgreSQL only; idempotent). Called when the app's database client is made. */
export function startCacheListener(url: string = databaseUrl()): Promise<pg.Client> | null {
  if (databaseKind(url) !== "postgresql") return null;
  if (!state.client) {
    const reconnecting = state.handlers.size > 0;
    const client = connectListener(url, reconnecting);
    state.client = client;
    client.catch(() => {
      if (state.client === client) state.client = null;
    });
  }
  return state.client;
}

/**
 * Tells the other instances to clear `keys` of cache `cache` (all of it for null). Never throws:
 * a lost announcement costs at most the cache's lifetime of staleness, and the write it follows has
 * committed already.
 */
export async function announceInvalidation(cache: string, keys: readonly string[] | null): Promise<void> {
  const listening = startCacheListener();
  if (!listening) return;
  let payload = JSON.stringify({ cache, keys, from: state.instanceId });
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ cache, keys: null, from: state.instanceId });
  try {
    const client = await listening;
    state.inFlight += 1;
    socketOf(client)?.ref?.();
    try {
      await client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, payload]);
    } finally {
      state.inFlight -= 1;
      if (state.inFlight === 0) socketOf(client)?.unref?.();
    }
  } catch (error) {
    console.error("[deepdrill] could not announce a cache invalidation to the other instances", error);
  }
}
