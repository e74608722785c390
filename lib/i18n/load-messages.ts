import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { AppLocale } from "./config";

/**
 * UI messages live in one JSON file per namespace (`messages/<locale>/<namespace>.json`), so each
 * part of the app owns its own file. They are read once per locale and kept.
 */
const cache = new Map<AppLocale, Promise<Record<string, unknown>>>();
const messagesDir = path.join(process.cwd(), "lib", "i18n", "messages");

async function readNamespaces(locale: AppLocale): Promise<Record<string, unknown>> {
  const dir = path.join(messagesDir, locale);
  const files = (await readdir(dir)).filter((file) => file.endsWith(".json")).sort();
  const entries = await Promise.all(
    files.map(async (file) => [path.basename(file, ".json"), JSON.parse(await readFile(path.join(dir, file), "utf8"))] as const),
  );
  return Object.fromEntries(entries);
}

export function loadMessages(locale: AppLocale): Promise<Record<string, unknown>> {
  let messages = cache.get(locale);
  if (!messages) {
    messages = readNamespaces(locale);
    cache.set(locale, messages);
  }
  return messages;
}
