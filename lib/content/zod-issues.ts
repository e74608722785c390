/**
 * Turns zod issues into `{path, message}` problems an instructor can act on. For a failed union
 * (a parameter written in one of several forms, an answer that is an architecture or a
 * calculator) zod reports every branch; the branch that matches the value's kind and recognises
 * most of its fields is the one the author meant, so its problems are reported instead of a
 * generic "no form matched".
 */
import type { z } from "zod";
import { msg, unpackMessage, type Message } from "../i18n/message";

export interface Problem {
  path: (string | number)[];
  message: Message;
  /** For unrecognised fields: their names. */
  keys?: string[];
}

type Issue = z.core.$ZodIssue;

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((segment) => (typeof segment === "number" ? segment : String(segment)));
}

function unrecognisedCount(issues: readonly Issue[]): number {
  return issues.filter((issue) => issue.code === "unrecognized_keys" && issue.path.length === 0).reduce((n, issue) => n + (issue.code === "unrecognized_keys" ? issue.keys.length : 0), 0);
}

/** The union branch the author most likely meant, or undefined when none fits the value's kind. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const candidates = branches.filter((issues) => !issues.some((issue) => issue.path.length === 0 && issue.code === "invalid_type"));
  let best: readonly Issue[] | undefined;
  for (const issues of candidates) {
    if (!best) {
      best = issues;
      continue;
    }
    const [u, b] = [unrecognisedCount(issues), unrecognisedCount(best)];
    if (u < b || (u === b && issues.length < best.length)) best = issues;
  }
  return best;
}

export function flattenIssues(issues: readonly Issue[], prefix: (string | number)[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...toPath(issue.path)];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branch = bestBranch(issue.errors);
      if (branch) {
        problems.push(...flattenIssues(branch, path));
        continue;
      }
    }
    if (issue.code === "unrecognized_keys") {
      problems.push({ path, message: msg(issue.keys.length > 1 ? "deckFile.unknownFields" : "deckFile.unknownField", { fields: issue.keys.map((key) => `"${key}"`).join(", ") }), keys: issue.keys });
      continue;
    }
    problems.push({ path, message: issueMessage(issue) });
  }
  return problems;
}

/**
 * The schemas' own messages are catalogue keys packed into zod's text (`packMessage`); zod's
 * built-in ones (a wrong type, a list too short) are named by the issue's kind.
 */
function issueMessage(issue: Issue): Message {
  const own = unpackMessage(issue.message);
  if (own) return own;
  switch (issue.code) {
    case "invalid_type":
      return msg("deckFile.invalidType", { expected: issue.expected });
    case "too_small":
      return msg("deckFile.tooSmall", { minimum: String(issue.minimum) });
    case "too_big":
      return msg("deckFile.tooBig", { maximum: String(issue.maximum) });
    case "invalid_value":
      return msg("deckFile.invalidValue", { values: issue.values.map((value) => JSON.stringify(value)).join(", ") });
    default:
      return msg("deckFile.invalid", { detail: issue.message });
  }
}

/** `templates[3].params.K` */
export function describePath(path: readonly (string | number)[]): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}
