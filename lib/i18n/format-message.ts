/**
 * The subset of ICU message syntax the `errors` catalogue uses, formatted without a framework (the
 * pure core and the command line render these messages too): `{name}` and
 * `{n, plural, one {# problem} other {# problems}}` (with `=0`-style exact cases). next-intl reads
 * the same files for the UI, so anything written here is valid ICU as well.
 */
export type FormatParams = Record<string, string | number>;

/** Index of the `}` closing the `{` at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced braces in message "${text}"`);
}

function plural(body: string, value: number, locale: string, params: FormatParams): string {
  const cases = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf("{", i);
    if (open < 0) break;
    const close = closing(body, open);
    cases.set(body.slice(i, open).trim(), body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen = cases.get(`=${value}`) ?? cases.get(new Intl.PluralRules(locale).select(value)) ?? cases.get("other") ?? "";
  return formatMessage(chosen.replaceAll("#", new Intl.NumberFormat(locale).format(value)), params, locale);
}

export function formatMessage(template: string, params: FormatParams, locale: string): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = closing(template, open);
    const inner = template.slice(open + 1, close);
    const [name = "", kind, ...rest] = inner.split(",");
    const value = params[name.trim()];
    if (kind?.trim() === "plural") out += plural(rest.join(",").trim(), Number(value), locale, params);
    else out += value === undefined ? `{${name.trim()}}` : String(value);
    i = close + 1;
  }
  return out;
}
