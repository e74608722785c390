import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findTemplate } from "../../content/deck-queries";
import { loadDecksFromDir } from "../../content/load-decks";
import { anchorParams } from "../params";
import type { Template } from "../template-schema";
import { cornerAnchors, MAX_CORNERS } from "./corners";
import { testTemplate } from "./run-harness";

let embedding: Template;
let cifar: Template;

beforeAll(async () => {
  const { decks } = await loadDecksFromDir(path.resolve(__dirname, "../../../content/decks"));
  const find = (id: string) => {
    const found = findTemplate(decks, id)?.item;
    if (!found) throw new Error(`${id} not found`);
    return found;
  };
  embedding = find("embedding-params");
  cifar = find("cifar-cnn-params");
});

const unconstrained = (template: Template): Template => ({ ...template, constraints: undefined });

describe("cornerAnchors", () => {
  it("gives every combination of smallest and largest values of the drawn parameters, as anchors the template accepts", () => {
    const corners = cornerAnchors(unconstrained(embedding));
    // V: 500..50000 step 500, D: [8 … 128]: four corners.
    expect(corners.map((corner) => corner.params)).toEqual([
      { V: 500, D: 8 },
      { V: 50000, D: 8 },
      { V: 500, D: 128 },
      { V: 50000, D: 128 },
    ]);
    for (const corner of corners) expect(() => anchorParams(unconstrained(embedding), corner)).not.toThrow();
  });

  it("leaves out corners that break a constraint", () => {
    const corners = cornerAnchors(embedding);
    expect(corners.length).toBeGreaterThan(0);
    for (const corner of corners) expect(Number(corner.params.V) * Number(corner.params.D)).toBeLessThanOrEqual(4_000_000);
    expect(corners.map((corner) => corner.params)).not.toContainEqual({ V: 50000, D: 128 });
  });

  it("tries at most all-min, all-max and each one flipped when the full set would pass MAX_CORNERS", () => {
    const params = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}`, "1..3"]));
    const wide: Template = { ...unconstrained(embedding), params };
    expect(2 ** 6).toBeGreaterThan(MAX_CORNERS);
    const corners = cornerAnchors(wide);
    expect(corners).toHaveLength(6 + 2);
    expect(corners[0]?.params).toEqual(Object.fromEntries(Object.keys(params).map((name) => [name, 1])));
    expect(corners[1]?.params).toEqual(Object.fromEntries(Object.keys(params).map((name) => [name, 3])));
  });
});

describe("the harness at the corners", () => {
  it("fails a template whose largest network is over the limit, naming the corner", async () => {
    for (const template of [embedding, cifar]) {
      const loose = unconstrained(template);
      const report = await testTemplate(loose, 3);
      const atCorners = report.details.filter((detail) => detail.check === "generate" && detail.anchor?.startsWith("corner-"));
      expect(atCorners.length, template.id).toBeGreaterThan(0);
      for (const detail of atCorners) expect(detail.message).toMatch(/^at .+ = .+: the network is [\d,]+ parameters; the limit is 5,000,000/);
    }
  });

  it("passes the course's templates as written, constraints and all", async () => {
    for (const template of [embedding, cifar]) {
      const report = await testTemplate(template, 3);
      expect(report.details.filter((detail) => detail.level === "failure"), template.id).toEqual([]);
    }
  });
});
