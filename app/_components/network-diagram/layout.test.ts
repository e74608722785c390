import { describe, expect, it } from "vitest";
import { ISLP_ARCHITECTURES, deriveArchitecture, validateSpec, type ArchitectureSpec } from "@/lib/model-core";
import { chooseDiagramKind, layoutBlocks, layoutNodes, visibleUnits } from "./layout";

function preset(id: string): ArchitectureSpec {
  const validation = validateSpec(ISLP_ARCHITECTURES.find((candidate) => candidate.id === id)?.spec);
  if (!validation.ok) throw new Error(`preset ${id}: ${validation.error}`);
  return validation.spec;
}

describe("network diagram layout", () => {
  it.each([
    ["figure-10-1", "nodes"],
    ["hitters", "nodes"],
    ["mnist-mlp", "nodes"],
    ["imdb-bag-of-words", "nodes"],
    ["cifar100-cnn", "blocks"],
    ["imdb-lstm", "blocks"],
    ["nyse-rnn", "blocks"],
  ])("%s is drawn as %s", (id, kind) => {
    expect(chooseDiagramKind(preset(id))).toBe(kind);
  });

  it("draws Figure 10.1 as the book does: X₁…X₄ → A₁…A₅ → Y, 25 arrows", () => {
    const spec = preset("figure-10-1");
    const layout = layoutNodes(spec, deriveArchitecture(spec));
    expect(layout.columns.map((column) => column.nodes.map((node) => node.label))).toEqual([
      ["X₁", "X₂", "X₃", "X₄"],
      ["A₁", "A₂", "A₃", "A₄", "A₅"],
      ["Y"],
    ]);
    expect(layout.columns.map((column) => column.role)).toEqual(["input", "hidden", "output"]);
    expect(layout.edges).toHaveLength(25);
    expect(layout.arrowheads).toBe(true);
  });

  it("collapses wide layers around ⋮ with the count left out", () => {
    expect(visibleUnits(784)).toEqual([1, 2, 3, null, 783, 784]);
    expect(visibleUnits(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const spec = preset("mnist-mlp");
    const layout = layoutNodes(spec, deriveArchitecture(spec));
    expect(layout.columns[0]?.ellipsis?.hidden).toBe(779);
    expect(layout.columns[0]?.nodes.map((node) => node.label)).toEqual(["X₁", "X₂", "X₃", "X₇₈₃", "X₇₈₄"]);
    expect(layout.columns[1]?.notes).toEqual([{ kind: "activation", activation: "relu" }, { kind: "dropout", rate: 0.4 }]);
    expect(layout.columns.at(-1)?.nodes).toHaveLength(5);
  });

  it("stacks the CIFAR100 CNN as blocks, image volumes drawn with depth, each block below the last", () => {
    const spec = preset("cifar100-cnn");
    const layout = layoutBlocks(spec, deriveArchitecture(spec));
    expect(layout.blocks).toHaveLength(spec.layers.length + 1);
    expect(layout.arrows).toHaveLength(spec.layers.length);
    expect(layout.blocks[1]).toMatchObject({ family: "conv", depth: 2, shape: [32, 32, 32] });
    expect(layout.blocks.find((block) => block.spec?.type === "flatten")).toMatchObject({ depth: 0, shape: [1024] });
    for (const arrow of layout.arrows) expect(arrow.y2).toBeGreaterThan(arrow.y1);
    const last = layout.blocks.at(-1);
    expect(last && last.y + last.height).toBeLessThanOrEqual(layout.height);
  });
});
