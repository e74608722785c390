import { parse as parseYaml } from "yaml";

export type SpecTextParse = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Reads a pasted or saved spec: JSON, or YAML (the decks' format, including flow style such as
 * `{input: [784], layers: [{type: dense, units: 10}]}`). Text that starts like JSON and is neither
 * gets JSON's message, which points at the stray comma better than YAML's. The value is still
 * unchecked: pass it to `validateSpec`. Errors are one line.
 */
export function parseSpecText(text: string): SpecTextParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "no spec given (the input is empty)" };
  const looksLikeJson = trimmed.startsWith("{") || trimmed.startsWith("[");
  let jsonError: unknown;
  if (looksLikeJson) {
    try {
      return { ok: true, value: JSON.parse(trimmed) as unknown };
    } catch (error) {
      jsonError = error;
    }
  }
  try {
    return { ok: true, value: parseYaml(trimmed, { prettyErrors: false }) as unknown };
  } catch (yamlError) {
    return looksLikeJson
      ? { ok: false, error: `not valid JSON: ${oneLine(jsonError)}` }
      : { ok: false, error: `not valid YAML or JSON: ${oneLine(yamlError)}` };
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.trim() ?? message;
}
