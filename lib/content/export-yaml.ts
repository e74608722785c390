/**
 * A deck written back out in the `content/` format (pure): `deck.yaml` plus the item files, so that
 * the folder can be dropped into `content/decks/` or imported into the app again. `parseDeck` of the
 * export gives the same deck (same items in the same order, hence the same version hash).
 *
 * Items keep the file they were written in when the deck knows it (`deck.locations`, relative to
 * the deck's folder); otherwise every template goes to `templates.yaml` and every card to
 * `cards.yaml`. Either way the files sort in the deck's own item order, which `parseDeck` follows.
 */
import { Document, isMap, isScalar, isSeq, visit, type Node } from "yaml";
import { isTemplate, type Item } from "../questions/template-schema";
import { DECK_FILE, type Deck, type DeckHeader } from "./deck-schema";
import type { DeckFileText } from "./parse-deck";

const YAML_OPTIONS = { lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false } as const;
const FLOW_WIDTH = 60;

function scalarText(node: unknown): string | null {
  return isScalar(node) ? String(node.value) : null;
}

/** Short lists and maps of plain values are written inline (`input: [=p]`, `{type: dense, units: =K}`), as people write them. */
function shortFlow(node: Node): boolean {
  if (isSeq(node)) {
    const texts = node.items.map(scalarText);
    return texts.every((text) => text !== null && !text.includes("\n")) && texts.join(", ").length <= FLOW_WIDTH;
  }
  if (isMap(node)) {
    const parts = node.items.map((pair) => {
      const key = scalarText(pair.key);
      const value = scalarText(pair.value);
      return key === null || value === null || value.includes("\n") ? null : `${key}: ${value}`;
    });
    return node.items.length > 0 && parts.every((part) => part !== null) && parts.join(", ").length <= FLOW_WIDTH && !parts.some((part) => part?.startsWith("ko: "));
  }
  return false;
}

function stringify(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq: (_key, node) => {
      if (shortFlow(node)) node.flow = true;
    },
    Map: (key, node) => {
      // The document itself and bilingual texts stay in block style.
      if (key !== null && shortFlow(node)) node.flow = true;
    },
  });
  return doc.toString(YAML_OPTIONS);
}

/**
 * The deck's folder as a prefix of its items' paths (`content/decks/islp-ch10/`): the last folder
 * named like the deck (the content/ convention), else the folder all the files share.
 */
export function deckFolder(deckId: string, paths: readonly string[]): string {
  if (paths.length === 0) return "";
  const named = paths.map((path) => {
    if (path.startsWith(`${deckId}/`)) return `${deckId}/`;
    const at = path.lastIndexOf(`/${deckId}/`);
    return at < 0 ? null : path.slice(0, at + deckId.length + 2);
  });
  if (named.every((prefix) => prefix !== null && prefix === named[0])) return named[0] ?? "";
  let common = paths[0]?.slice(0, (paths[0]?.lastIndexOf("/") ?? -1) + 1) ?? "";
  for (const path of paths) while (!path.startsWith(common)) common = common.slice(0, common.slice(0, -1).lastIndexOf("/") + 1);
  return common;
}

/** The deck header as written in deck.yaml (optional parts only when present). */
export function deckHeaderOf(deck: Deck): DeckHeader {
  return {
    id: deck.id,
    title: deck.title,
    ...(deck.description ? { description: deck.description } : {}),
    ...(deck.source ? { source: deck.source } : {}),
    concepts: deck.concepts,
  };
}

export function headerYaml(header: DeckHeader): string {
  return stringify(header);
}

/** A `templates:` / `cards:` file holding these items. */
export function itemsYaml(items: readonly Item[]): string {
  const templates = items.filter(isTemplate);
  const cards = items.filter((item) => !isTemplate(item));
  const body: Record<string, Item[]> = {};
  if (templates.length > 0) body.templates = templates;
  if (cards.length > 0) body.cards = cards;
  return stringify(body);
}

/** Where each item goes: its own file relative to the deck folder, or templates.yaml / cards.yaml. */
function itemFile(deck: Deck, folder: string, item: Item): string {
  const written = deck.locations[item.id]?.file.replace(/\\/g, "/");
  if (written && written.startsWith(folder) && written.length > folder.length) return written.slice(folder.length);
  return isTemplate(item) ? "templates.yaml" : "cards.yaml";
}

/**
 * The deck as files with paths relative to its folder (`deck.yaml`, `templates/cnn.yaml`, …),
 * sorted by path. `comment` (e.g. "Exported from DeepDrill") heads deck.yaml.
 */
export function deckToFiles(deck: Deck, options: { comment?: string } = {}): DeckFileText[] {
  const folder = deckFolder(
    deck.id,
    Object.values(deck.locations).map((location) => location.file.replace(/\\/g, "/")),
  );
  const groups = new Map<string, Item[]>();
  for (const item of [...deck.templates, ...deck.cards]) {
    const path = itemFile(deck, folder, item);
    const group = groups.get(path) ?? [];
    group.push(item);
    groups.set(path, group);
  }
  const comment = options.comment ? `${options.comment.split("\n").map((line) => `# ${line}`.trimEnd()).join("\n")}\n` : "";
  const files: DeckFileText[] = [{ path: DECK_FILE, text: comment + headerYaml(deckHeaderOf(deck)) }];
  for (const [path, items] of groups) files.push({ path, text: itemsYaml(items) });
  return files.sort((a, b) => (a.path === DECK_FILE ? -1 : b.path === DECK_FILE ? 1 : a.path.localeCompare(b.path)));
}
