/**
 * Parses and validates one deck from its files' texts (pure: the texts may come from disk or from
 * the database). Every problem is reported as `file:line: where: message`, all of them at once.
 */
import { contentHash } from "../questions/hash";
import { staticCardSchema, templateSchema, type StaticCard, type Template } from "../questions/template-schema";
import { validateItem } from "../questions/validate-item";
import { msg } from "../i18n/message";
import { DECK_FILE, deckError, deckHeaderSchema, itemsFileSchema, type Deck, type DeckError, type DeckHeader, type SourceLocation } from "./deck-schema";
import { keyLine, parseYaml, positionOf, type ParsedYaml } from "./yaml-positions";
import { describePath, flattenIssues, type Problem } from "./zod-issues";

export interface DeckFileText {
  /** The path shown in messages, e.g. `content/decks/islp-ch10/deck.yaml`. */
  path: string;
  text: string;
}

export type DeckParse = { ok: true; deck: Deck } | { ok: false; errors: DeckError[] };

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

class FileReport {
  constructor(
    readonly path: string,
    readonly parsed: ParsedYaml,
    private readonly errors: DeckError[],
  ) {}

  problem(problem: Problem, label?: (path: readonly (string | number)[]) => string): void {
    const { path } = problem;
    let line: number;
    let message = problem.message;
    let shownPath: readonly (string | number)[] = path;
    if (problem.keys && problem.keys[0] !== undefined) {
      line = keyLine(this.parsed, path, problem.keys[0]);
    } else {
      const position = positionOf(this.parsed, path);
      line = position.line;
      const last = path.at(-1);
      if (!position.exists && typeof last === "string" && positionOf(this.parsed, path.slice(0, -1)).exists) {
        message = msg("deckFile.missing", { field: last, problem: message });
        shownPath = path.slice(0, -1);
      }
      if (position.unquotedPlaceholder) message = msg("deckFile.quotePlaceholder", { problem: message, open: "{{", example: '"{{p}} inputs"' });
    }
    const where = label ? label(shownPath) : describePath(shownPath);
    this.errors.push(deckError(this.path, line, where ? msg("deckFile.at", { where, problem: message }) : message));
  }

  lineOf(path: readonly (string | number)[]): number {
    return positionOf(this.parsed, path).line;
  }
}

/** `templates[2] (conv-cell).answer.image` */
function itemLabel(list: "templates" | "cards", index: number, raw: unknown) {
  const id = raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? ` (${raw.id})` : "";
  return (path: readonly (string | number)[]): string => {
    const rest = describePath(path.slice(2));
    return `${list}[${index}]${id}${rest ? (rest.startsWith("[") ? rest : `.${rest}`) : ""}`;
  };
}

export function parseDeck(files: readonly DeckFileText[]): DeckParse {
  const errors: DeckError[] = [];
  const deckFile = files.find((file) => baseName(file.path) === DECK_FILE);
  if (!deckFile) {
    const folder = files[0]?.path.replace(/[\\/][^\\/]*$/, "") ?? ".";
    return { ok: false, errors: [deckError(`${folder}/${DECK_FILE}`, 1, msg("deckFile.noDeckFile", { file: DECK_FILE }))] };
  }

  const reports = new Map<string, FileReport>();
  for (const file of files) {
    const { parsed, problems } = parseYaml(file.text);
    for (const problem of problems) errors.push(deckError(file.path, problem.line, problem.message));
    if (problems.length === 0) reports.set(file.path, new FileReport(file.path, parsed, errors));
  }

  let header: DeckHeader | undefined;
  const headerReport = reports.get(deckFile.path);
  if (headerReport) {
    const result = deckHeaderSchema.safeParse(headerReport.parsed.value);
    if (result.success) {
      header = result.data;
      const seen = new Set<string>();
      header.concepts.forEach((concept, i) => {
        if (seen.has(concept.id)) headerReport.problem({ path: ["concepts", i, "id"], message: msg("deckFile.conceptTwice", { id: concept.id }) });
        seen.add(concept.id);
      });
    } else {
      for (const problem of flattenIssues(result.error.issues)) headerReport.problem(problem);
    }
  }
  const conceptIds = new Set(header?.concepts.map((concept) => concept.id) ?? []);

  const templates: Template[] = [];
  const cards: StaticCard[] = [];
  const locations: Record<string, SourceLocation> = {};
  const itemFiles = files.filter((file) => file !== deckFile).sort((a, b) => a.path.localeCompare(b.path));
  for (const file of itemFiles) {
    const report = reports.get(file.path);
    if (!report) continue;
    const raw = report.parsed.value ?? {};
    const shape = itemsFileSchema.safeParse(raw);
    if (!shape.success) {
      for (const problem of flattenIssues(shape.error.issues)) report.problem(problem);
      continue;
    }
    const lists = [
      ["templates", shape.data.templates ?? [], templateSchema],
      ["cards", shape.data.cards ?? [], staticCardSchema],
    ] as const;
    for (const [list, items, schema] of lists) {
      items.forEach((rawItem, index) => {
        const label = itemLabel(list, index, rawItem);
        const parsed = schema.safeParse(rawItem);
        if (!parsed.success) {
          for (const problem of flattenIssues(parsed.error.issues, [list, index])) report.problem(problem, label);
          return;
        }
        const item = parsed.data;
        let sound = true;
        if (header && !conceptIds.has(item.concept)) {
          report.problem({ path: [list, index, "concept"], message: msg("deckFile.unknownConcept", { concept: item.concept, known: [...conceptIds].join(", ") }) }, label);
          sound = false;
        }
        const previous = locations[item.id];
        if (previous) {
          report.problem({ path: [list, index, "id"], message: msg("deckFile.idTaken", { id: item.id, where: `${previous.file}:${previous.line}` }) }, label);
          sound = false;
        }
        for (const issue of validateItem(item)) {
          report.problem({ path: [list, index, ...issue.path], message: issue.message }, label);
          sound = false;
        }
        if (!sound) return;
        locations[item.id] = { file: file.path, line: report.lineOf([list, index]) };
        if (list === "templates") templates.push(item as Template);
        else cards.push(item as StaticCard);
      });
    }
  }

  if (errors.length > 0 || !header) {
    errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file.localeCompare(b.file)));
    return { ok: false, errors };
  }
  const deck: Deck = {
    id: header.id,
    title: header.title,
    description: header.description ?? null,
    source: header.source ?? null,
    concepts: header.concepts,
    templates,
    cards,
    locations,
    file: deckFile.path,
    version: contentHash({ header, templates, cards }),
  };
  return { ok: true, deck };
}
