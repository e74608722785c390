/**
 * YAML with positions: parses a file keeping a `LineCounter`, and finds the line of any path in
 * it (`["templates", 3, "params", "K"]` → the line where `K:` is written). For a path that does
 * not exist (a missing field), the line of its deepest existing parent is used.
 */
import { msg, type Message } from "../i18n/message";
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  text: string;
  /**
   * The document as plain data (null when it could not be built: see `problems`). Read this, never
   * `doc.toJS()`: it is built once, with the alias limit.
   */
  value: unknown;
}

/**
 * Aliases (`*name`) a document may expand. A few are handy; a "billion laughs" file (each anchor
 * repeating the one before ten times) expands to gigabytes from a few hundred bytes. yaml counts
 * every expansion and throws past the limit; that throw becomes a problem at the first alias.
 */
export const MAX_YAML_ALIASES = 100;

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}

function plainValue(doc: Document.Parsed, lineCounter: LineCounter): { value: unknown; problem?: YamlProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
  } catch (error) {
    const tooMany = error instanceof ReferenceError && /alias/i.test(error.message);
    const message = tooMany ? msg("deckFile.yamlAliases", { max: MAX_YAML_ALIASES }) : msg("deckFile.yaml", { detail: (error as Error).message.split("\n")[0] ?? "" });
    return { value: null, problem: { line: lineCounter.linePos(firstAliasOffset(doc)).line, message } };
  }
}

export interface YamlProblem {
  line: number;
  message: Message;
}

/** What an instructor should do about the YAML mistakes they make most (catalogue keys). */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: "deckFile.yamlQuoteColon",
  MULTILINE_IMPLICIT_KEY: "deckFile.yamlQuoteColon",
  DUPLICATE_KEY: "deckFile.yamlDuplicateKey",
  TAB_AS_INDENT: "deckFile.yamlTabs",
};

export function parseYaml(text: string): { parsed: ParsedYaml; problems: YamlProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems = doc.errors.map((error) => {
    const first = error.message.split("\n")[0] ?? error.message;
    const detail = first.replace(/ at line \d+, column \d+:?$/, "");
    const hint = YAML_HINTS[error.code];
    return { line: lineCounter.linePos(error.pos[0]).line, message: hint ? msg(hint, { detail }) : msg("deckFile.yaml", { detail }) };
  });
  const { value, problem } = plainValue(doc, lineCounter);
  if (problem) problems.push(problem);
  return { parsed: { doc, lineCounter, text, value }, problems };
}

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function lineAt(parsed: ParsedYaml, node: unknown): number | undefined {
  const range = isNode(node) ? node.range : undefined;
  return range ? parsed.lineCounter.linePos(range[0]).line : undefined;
}

export interface PathPosition {
  line: number;
  /** The whole path exists in the file. */
  exists: boolean;
  /** The value's source text starts with `{{` (an unquoted placeholder that YAML read as a map). */
  unquotedPlaceholder: boolean;
}

export function positionOf(parsed: ParsedYaml, path: readonly PropertyKey[]): PathPosition {
  let node: unknown = parsed.doc.contents;
  let line = lineAt(parsed, node) ?? 1;
  let exists = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && String(keyOf(item.key)) === String(segment));
      if (!pair) {
        exists = false;
        break;
      }
      line = lineAt(parsed, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) {
        exists = false;
        break;
      }
      line = lineAt(parsed, item) ?? line;
      node = item;
    } else {
      exists = false;
      break;
    }
  }
  const range = exists && isNode(node) ? node.range : undefined;
  const unquotedPlaceholder = range ? parsed.text.slice(range[0], range[0] + 2) === "{{" : false;
  return { line, exists, unquotedPlaceholder };
}

/** The line of `key` inside the map at `path` (an unrecognised field), else of the map itself. */
export function keyLine(parsed: ParsedYaml, path: readonly PropertyKey[], key: string): number {
  return positionOf(parsed, [...path, key]).exists ? positionOf(parsed, [...path, key]).line : positionOf(parsed, path).line;
}
