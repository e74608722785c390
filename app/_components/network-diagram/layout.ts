/**
 * Geometry of the network diagram, apart from React so it can be tested as numbers.
 *
 * Two drawings: small fully connected networks as nodes and arrows, as ISLP draws them
 * (ISLP (2023) Figure 10.1: inputs X₁…X₄, hidden units A₁…A₅, output Y; Figure 10.4 for two hidden
 * layers), with a wide layer collapsed to its first and last units around "⋮"; everything else
 * (convolutions, pooling, recurrent layers, deep stacks) as a column of labelled blocks whose
 * width grows with the layer's output size and whose stacked outline shows its rank.
 */
import type { ArchitectureDerivation, ArchitectureSpec, LayerDerivation, LayerSpec } from "@/lib/model-core";

export type DiagramKind = "nodes" | "blocks";

/** Layers that only annotate a nodes drawing (they keep the width of the layer before them). */
const ANNOTATING = new Set<LayerSpec["type"]>(["dropout", "activation", "batchNorm"]);

/** Most columns (input + dense layers) a nodes drawing shows; deeper stacks read better as blocks. */
export const MAX_NODE_COLUMNS = 6;
/** A column with more units than this is drawn as its first 3, "⋮", its last 2. */
export const MAX_VISIBLE_NODES = 7;

export function chooseDiagramKind(spec: ArchitectureSpec): DiagramKind {
  if (spec.input.length !== 1) return "blocks";
  const dense = spec.layers.filter((layer) => layer.type === "dense").length;
  const onlyDense = spec.layers.every((layer) => layer.type === "dense" || ANNOTATING.has(layer.type));
  return onlyDense && dense >= 1 && dense + 1 <= MAX_NODE_COLUMNS ? "nodes" : "blocks";
}

// ---- nodes ---------------------------------------------------------------------------------

export type ColumnRole = "input" | "hidden" | "output";

/** What acts on a column's values after it (ISLP's g(z), dropout, batch normalisation). */
export type ColumnNote =
  | { kind: "activation"; activation: string }
  | { kind: "dropout"; rate: number }
  | { kind: "batchNorm" };

export interface DiagramNode {
  x: number;
  y: number;
  /** "X₁", "A₁₂₈", "Y". */
  label: string;
}

export interface NodeColumn {
  role: ColumnRole;
  /** 1-based among hidden layers (L₁, L₂); 0 for input and output. */
  hiddenIndex: number;
  x: number;
  units: number;
  nodes: DiagramNode[];
  /** Where "⋮" stands for the units not drawn. */
  ellipsis?: { x: number; y: number; hidden: number };
  notes: ColumnNote[];
  /** The dense layer this column is the output of (none for the input). */
  layer?: LayerDerivation;
}

export interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface NodesLayout {
  kind: "nodes";
  width: number;
  height: number;
  radius: number;
  /** Baselines of the header (above) and the caption lines (below) of every column. */
  headerY: number;
  captionY: number;
  columns: NodeColumn[];
  edges: Edge[];
  arrowheads: boolean;
}

const NODE_RADIUS = 16;
const NODE_SPACING = 44;
const COLUMN_GAP = 150;
const SIDE_MARGIN = 64;
const HEADER_SPACE = 44;
const CAPTION_SPACE = 56;
/** Beyond this many edges the arrowheads turn into a smear; plain lines read better. */
const MAX_ARROWHEAD_EDGES = 60;

const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
export function subscript(n: number): string {
  return String(n).replace(/\d/g, (digit) => SUBSCRIPTS[Number(digit)] ?? digit);
}

/** The 1-based unit numbers drawn for a column of `units`, with `null` where "⋮" stands. */
export function visibleUnits(units: number): (number | null)[] {
  if (units <= MAX_VISIBLE_NODES) return Array.from({ length: units }, (_, i) => i + 1);
  return [1, 2, 3, null, units - 1, units];
}

function nodeLabel(role: ColumnRole, unit: number, units: number): string {
  if (role === "input") return `X${subscript(unit)}`;
  if (role === "output") return units === 1 ? "Y" : `Y${subscript(unit)}`;
  return `A${subscript(unit)}`;
}

export function layoutNodes(spec: ArchitectureSpec, derivation: ArchitectureDerivation): NodesLayout {
  const inputUnits = spec.input[0] ?? 1;
  const columnSpecs: { role: ColumnRole; units: number; notes: ColumnNote[]; layer?: LayerDerivation }[] = [
    { role: "input", units: inputUnits, notes: [] },
  ];
  spec.layers.forEach((layer, index) => {
    const current = columnSpecs[columnSpecs.length - 1];
    if (layer.type === "dense") {
      const notes: ColumnNote[] = layer.activation && layer.activation !== "linear" ? [{ kind: "activation", activation: layer.activation }] : [];
      columnSpecs.push({ role: "hidden", units: layer.units, notes, layer: derivation.layers[index] });
    } else if (current && layer.type === "dropout") current.notes.push({ kind: "dropout", rate: layer.rate });
    else if (current && layer.type === "activation") current.notes.push({ kind: "activation", activation: layer.activation });
    else if (current && layer.type === "batchNorm") current.notes.push({ kind: "batchNorm" });
  });
  const last = columnSpecs[columnSpecs.length - 1];
  if (last && columnSpecs.length > 1) last.role = "output";

  const slots = Math.max(...columnSpecs.map(({ units }) => visibleUnits(units).length));
  const bodyHeight = (slots - 1) * NODE_SPACING + 2 * NODE_RADIUS;
  const height = HEADER_SPACE + bodyHeight + CAPTION_SPACE;
  const width = 2 * SIDE_MARGIN + (columnSpecs.length - 1) * COLUMN_GAP;
  const middle = HEADER_SPACE + bodyHeight / 2;

  let hiddenCount = 0;
  const columns = columnSpecs.map(({ role, units, notes, layer }, columnIndex): NodeColumn => {
    const x = SIDE_MARGIN + columnIndex * COLUMN_GAP;
    const shown = visibleUnits(units);
    const top = middle - ((shown.length - 1) * NODE_SPACING) / 2;
    const nodes: DiagramNode[] = [];
    let ellipsis: NodeColumn["ellipsis"];
    shown.forEach((unit, slot) => {
      const y = top + slot * NODE_SPACING;
      if (unit === null) ellipsis = { x, y, hidden: units - (shown.length - 1) };
      else nodes.push({ x, y, label: nodeLabel(role, unit, units) });
    });
    if (role === "hidden") hiddenCount += 1;
    const column: NodeColumn = { role, hiddenIndex: role === "hidden" ? hiddenCount : 0, x, units, nodes, notes };
    if (ellipsis) column.ellipsis = ellipsis;
    if (layer) column.layer = layer;
    return column;
  });

  const edges: Edge[] = [];
  for (let c = 0; c + 1 < columns.length; c++) {
    const from = columns[c];
    const to = columns[c + 1];
    if (!from || !to) continue;
    for (const a of from.nodes) for (const b of to.nodes) edges.push(trimmedEdge(a, b, NODE_RADIUS));
  }

  return {
    kind: "nodes",
    width,
    height,
    radius: NODE_RADIUS,
    headerY: 18,
    captionY: HEADER_SPACE + bodyHeight + 22,
    columns,
    edges,
    arrowheads: edges.length <= MAX_ARROWHEAD_EDGES,
  };
}

/** An edge between two circles' rims, so the arrowhead touches the target instead of hiding under it. */
function trimmedEdge(a: DiagramNode, b: DiagramNode, radius: number): Edge {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { x1: round(a.x + ux * radius), y1: round(a.y + uy * radius), x2: round(b.x - ux * (radius + 1)), y2: round(b.y - uy * (radius + 1)) };
}

// ---- blocks --------------------------------------------------------------------------------

export type BlockFamily = "input" | "conv" | "pool" | "dense" | "recurrent" | "embedding" | "reshape" | "regularise" | "norm";

export interface DiagramBlock {
  x: number;
  y: number;
  width: number;
  height: number;
  family: BlockFamily;
  /** Ghost outlines behind the box: 0 for a vector, 1 for a sequence, 2 for an image volume. */
  depth: number;
  shape: number[];
  /** Absent for the input block. */
  layer?: LayerDerivation;
  spec?: LayerSpec;
}

export interface BlocksLayout {
  kind: "blocks";
  width: number;
  height: number;
  blocks: DiagramBlock[];
  /** Vertical arrows between consecutive blocks, at the drawing's centre line. */
  arrows: { x: number; y1: number; y2: number }[];
}

export const BLOCKS_WIDTH = 360;
const BLOCK_GAP = 24;
const DEPTH_OFFSET = 5;

export function blockFamily(type: LayerSpec["type"]): BlockFamily {
  switch (type) {
    case "conv2d":
      return "conv";
    case "maxPool2d":
    case "avgPool2d":
      return "pool";
    case "dense":
      return "dense";
    case "simpleRNN":
    case "lstm":
    case "gru":
      return "recurrent";
    case "embedding":
      return "embedding";
    case "flatten":
      return "reshape";
    case "dropout":
    case "activation":
      return "regularise";
    case "batchNorm":
      return "norm";
  }
}

/** Wider for more values: 1 value → 200, 10⁶ values → 320 (log scale, clamped), so shrinking feature maps show. */
export function blockWidth(shape: readonly number[]): number {
  const values = shape.reduce((acc, dim) => acc * dim, 1);
  return Math.round(Math.min(330, Math.max(200, 200 + 20 * Math.log10(Math.max(1, values)))));
}

export function layoutBlocks(spec: ArchitectureSpec, derivation: ArchitectureDerivation): BlocksLayout {
  const centre = BLOCKS_WIDTH / 2;
  const blocks: DiagramBlock[] = [];
  let y = 2 * DEPTH_OFFSET + 2;
  const place = (shape: number[], family: BlockFamily, height: number, layer?: LayerDerivation, layerSpec?: LayerSpec) => {
    const width = blockWidth(shape);
    const block: DiagramBlock = { x: centre - width / 2, y, width, height, family, depth: Math.min(2, Math.max(0, shape.length - 1)), shape };
    if (layer) block.layer = layer;
    if (layerSpec) block.spec = layerSpec;
    blocks.push(block);
    y += height + BLOCK_GAP + 2 * DEPTH_OFFSET;
  };
  place([...spec.input], "input", 34);
  derivation.layers.forEach((layer, index) => {
    const layerSpec = spec.layers[index];
    if (!layerSpec) return;
    // Layers that learn nothing and keep the shape get a slimmer box.
    const slim = layer.params === 0 && layerSpec.type !== "maxPool2d" && layerSpec.type !== "avgPool2d" && layerSpec.type !== "flatten";
    place(layer.outputShape, blockFamily(layerSpec.type), slim ? 34 : 46, layer, layerSpec);
  });
  const arrows: BlocksLayout["arrows"] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    const above = blocks[i];
    const below = blocks[i + 1];
    if (!above || !below) continue;
    arrows.push({ x: centre, y1: above.y + above.height + 2, y2: below.y - below.depth * DEPTH_OFFSET - 3 });
  }
  return { kind: "blocks", width: BLOCKS_WIDTH, height: y - BLOCK_GAP - 2 * DEPTH_OFFSET + 4, blocks, arrows };
}

export const BLOCK_DEPTH_OFFSET = DEPTH_OFFSET;
