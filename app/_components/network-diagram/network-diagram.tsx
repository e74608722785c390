import { useId } from "react";
import { useTranslations } from "next-intl";
import {
  deriveArchitecture,
  formatNumber,
  validateSpec,
  type ArchitectureDerivation,
  type ArchitectureSpec,
  type ArchitectureSpecInput,
  type LayerSpec,
} from "@/lib/model-core";
import {
  BLOCK_DEPTH_OFFSET,
  chooseDiagramKind,
  layoutBlocks,
  layoutNodes,
  type BlockFamily,
  type BlocksLayout,
  type ColumnNote,
  type DiagramBlock,
  type DiagramKind,
  type NodeColumn,
  type NodesLayout,
} from "./layout";
import { TOO_DEEP_MESSAGE, nestsDeeperThan } from "@/app/architect/spec-depth";
import type { AskedOfNetwork } from "@/lib/questions";

export interface NetworkDiagramProps {
  /** Any spec a person may write (defaults omitted); an invalid one shows its message instead of a drawing. */
  spec: ArchitectureSpecInput | ArchitectureSpec;
  /** "auto" (default): nodes and arrows for small dense networks, blocks otherwise. */
  kind?: DiagramKind | "auto";
  className?: string;
  /** What the question asks of the network: the text for screen readers gives that count (25 weights), not only the total. */
  asked?: AskedOfNetwork | null;
}

/**
 * The smallest text in a drawing, in px at its natural size. The drawing never shrinks below that
 * size (its container scrolls sideways on a phone instead), so no label is ever smaller than 12 px.
 */
export const MIN_LABEL_PX = 12;

type Translate = ReturnType<typeof useTranslations<"architect.diagram">>;

/**
 * A network drawn as SVG, for the calculator and for question pages: ISLP-style nodes and arrows
 * for small fully connected networks, labelled blocks with their output shapes for the rest.
 * Works as a server or a client component (no state); text comes from `architect.diagram`.
 */
export function NetworkDiagram({ spec, kind = "auto", className, asked = null }: NetworkDiagramProps) {
  const t = useTranslations("architect.diagram");
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const validation = nestsDeeperThan(spec) ? ({ ok: false, error: TOO_DEEP_MESSAGE } as const) : validateSpec(spec);
  if (!validation.ok) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("unavailable")} <span lang="en">{validation.error}</span>
      </p>
    );
  }
  const valid = validation.spec;
  const derivation = deriveArchitecture(valid);
  const chosen = kind === "auto" ? chooseDiagramKind(valid) : kind;
  const summary = summarize(valid, derivation, t, asked);
  const layout = chosen === "nodes" && chooseDiagramKind(valid) === "nodes" ? layoutNodes(valid, derivation) : layoutBlocks(valid, derivation);
  return (
    // On a phone a wide drawing scrolls sideways (by keyboard too) rather than shrinking its labels.
    <div className="max-w-full overflow-x-auto" role="region" aria-label={t("region")} tabIndex={0}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className={`h-auto w-full select-none ${className ?? ""}`}
        style={{ maxWidth: layout.width, minWidth: layout.width }}
        data-diagram-kind={layout.kind}
        fontFamily="inherit"
      >
        <title>{summary}</title>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-slate-500 dark:fill-slate-400" />
          </marker>
        </defs>
        {layout.kind === "nodes" ? <NodesDrawing layout={layout} arrowId={`${id}-arrow`} t={t} /> : <BlocksDrawing layout={layout} arrowId={`${id}-arrow`} t={t} />}
      </svg>
    </div>
  );
}

// ---- nodes ---------------------------------------------------------------------------------

function NodesDrawing({ layout, arrowId, t }: { layout: NodesLayout; arrowId: string; t: Translate }) {
  const edgeClass = layout.arrowheads ? "stroke-slate-400 dark:stroke-slate-500" : "stroke-slate-300 dark:stroke-slate-600";
  return (
    <g>
      <g className={edgeClass} strokeWidth={1}>
        {layout.edges.map((edge, i) => (
          <line key={i} {...edge} markerEnd={layout.arrowheads ? `url(#${arrowId})` : undefined} />
        ))}
      </g>
      {layout.columns.map((column) => (
        <NodeColumnDrawing key={column.x} column={column} layout={layout} t={t} />
      ))}
    </g>
  );
}

const NODE_FILL: Record<NodeColumn["role"], string> = {
  input: "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400",
  hidden: "fill-accent-50 stroke-accent-600 dark:fill-indigo-950 dark:stroke-indigo-300",
  output: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400",
};

function NodeColumnDrawing({ column, layout, t }: { column: NodeColumn; layout: NodesLayout; t: Translate }) {
  const header =
    column.role === "input" ? t("inputLayer") : column.role === "output" ? t("outputLayer") : t("hiddenLayer", { index: column.hiddenIndex });
  return (
    <g>
      <text x={column.x} y={layout.headerY} textAnchor="middle" fontSize={12} fontWeight={600} className="fill-slate-800 dark:fill-slate-100">
        {header}
      </text>
      {column.nodes.map((node) => (
        <g key={node.y}>
          <circle cx={node.x} cy={node.y} r={layout.radius} strokeWidth={1.5} className={NODE_FILL[column.role]} />
          <text
            x={node.x}
            y={node.y}
            dy="0.35em"
            textAnchor="middle"
            fontSize={MIN_LABEL_PX}
            className="fill-slate-900 dark:fill-slate-100"
          >
            {node.label}
          </text>
        </g>
      ))}
      {column.ellipsis ? (
        <g>
          <text x={column.ellipsis.x} y={column.ellipsis.y} dy="0.35em" textAnchor="middle" fontSize={18} className="fill-slate-600 dark:fill-slate-300">
            ⋮
          </text>
          <text x={column.ellipsis.x + 12} y={column.ellipsis.y} dy="0.35em" fontSize={MIN_LABEL_PX} className="fill-slate-600 dark:fill-slate-300">
            {t("moreUnits", { count: formatNumber(column.ellipsis.hidden) })}
          </text>
        </g>
      ) : null}
      <text x={column.x} y={layout.captionY} textAnchor="middle" fontSize={MIN_LABEL_PX} className="fill-slate-700 dark:fill-slate-300">
        {t("unitCount", { count: column.units })}
      </text>
      {column.notes.length > 0 ? (
        <text x={column.x} y={layout.captionY + 15} textAnchor="middle" fontSize={MIN_LABEL_PX} className="fill-slate-600 dark:fill-slate-400">
          {column.notes.map((note) => noteText(note, t)).join(" · ")}
        </text>
      ) : null}
    </g>
  );
}

function noteText(note: ColumnNote, t: Translate): string {
  switch (note.kind) {
    case "activation":
      return note.activation;
    case "dropout":
      return t("dropoutNote", { rate: String(note.rate) });
    case "batchNorm":
      return t("batchNormNote");
  }
}

// ---- blocks --------------------------------------------------------------------------------

const BLOCK_CLASS: Record<BlockFamily, string> = {
  input: "fill-slate-100 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400",
  conv: "fill-indigo-50 stroke-indigo-500 dark:fill-indigo-950 dark:stroke-indigo-300",
  pool: "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400",
  dense: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400",
  recurrent: "fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400",
  embedding: "fill-fuchsia-50 stroke-fuchsia-600 dark:fill-fuchsia-950 dark:stroke-fuchsia-400",
  reshape: "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500",
  regularise: "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500",
  norm: "fill-rose-50 stroke-rose-600 dark:fill-rose-950 dark:stroke-rose-400",
};

function BlocksDrawing({ layout, arrowId, t }: { layout: BlocksLayout; arrowId: string; t: Translate }) {
  return (
    <g>
      {layout.arrows.map((arrow, i) => (
        <line
          key={i}
          x1={arrow.x}
          x2={arrow.x}
          y1={arrow.y1}
          y2={arrow.y2}
          strokeWidth={1.5}
          className="stroke-slate-500 dark:stroke-slate-400"
          markerEnd={`url(#${arrowId})`}
        />
      ))}
      {layout.blocks.map((block) => (
        <BlockDrawing key={block.y} block={block} t={t} />
      ))}
    </g>
  );
}

function BlockDrawing({ block, t }: { block: DiagramBlock; t: Translate }) {
  const className = BLOCK_CLASS[block.family];
  const dashed = block.family === "regularise" ? "4 3" : undefined;
  const ghosts = Array.from({ length: block.depth }, (_, i) => block.depth - i);
  const shape = block.shape.map((value) => formatNumber(value)).join("×");
  const title = block.layer ? block.layer.name : t("input");
  const detail = block.spec ? layerDetail(block.spec, t) : "";
  const tall = block.height > 40;
  return (
    <g>
      {ghosts.map((level) => (
        <rect
          key={level}
          x={block.x + level * BLOCK_DEPTH_OFFSET}
          y={block.y - level * BLOCK_DEPTH_OFFSET}
          width={block.width}
          height={block.height}
          rx={6}
          strokeWidth={1}
          className={className}
          opacity={0.7}
        />
      ))}
      <rect x={block.x} y={block.y} width={block.width} height={block.height} rx={6} strokeWidth={1.5} strokeDasharray={dashed} className={className} />
      <text x={block.x + 10} y={block.y + (tall ? 18 : block.height / 2)} dy={tall ? undefined : "0.35em"} fontSize={MIN_LABEL_PX} className="fill-slate-900 dark:fill-slate-50">
        <tspan fontWeight={600}>{title}</tspan>
        {detail ? <tspan className="fill-slate-700 dark:fill-slate-300">{` · ${detail}`}</tspan> : null}
        {tall ? null : <tspan className="fill-slate-700 dark:fill-slate-300">{` → ${shape}`}</tspan>}
      </text>
      {tall ? (
        <>
          <text x={block.x + 10} y={block.y + 36} fontSize={MIN_LABEL_PX} className="fill-slate-700 dark:fill-slate-300">
            {shape}
          </text>
          <text x={block.x + block.width - 10} y={block.y + 36} textAnchor="end" fontSize={MIN_LABEL_PX} className="fill-slate-700 dark:fill-slate-300">
            {t("params", { count: block.layer?.params ?? 0 })}
          </text>
        </>
      ) : null}
    </g>
  );
}

function windowText(value: number | readonly [number, number]): string {
  return typeof value === "number" ? `${value}×${value}` : `${value[0]}×${value[1]}`;
}

/** "32 filters 3×3, same, relu": what distinguishes the layer, after its name. */
function layerDetail(layer: LayerSpec, t: Translate): string {
  const parts: string[] = [];
  switch (layer.type) {
    case "dense":
      parts.push(t("detailUnits", { count: layer.units }));
      if (layer.activation) parts.push(layer.activation);
      break;
    case "conv2d":
      parts.push(t("detailFilters", { count: layer.filters, kernel: windowText(layer.kernelSize) }));
      if (layer.strides !== 1) parts.push(t("detailStride", { stride: windowText(layer.strides) }));
      parts.push(layer.padding);
      if (layer.activation) parts.push(layer.activation);
      break;
    case "maxPool2d":
    case "avgPool2d":
      parts.push(windowText(layer.poolSize));
      break;
    case "dropout":
      parts.push(t("dropoutNote", { rate: String(layer.rate) }));
      break;
    case "activation":
      parts.push(layer.activation);
      break;
    case "embedding":
      parts.push(t("detailEmbedding", { inputDim: formatNumber(layer.inputDim), outputDim: formatNumber(layer.outputDim) }));
      break;
    case "simpleRNN":
    case "lstm":
    case "gru":
      parts.push(t("detailUnits", { count: layer.units }));
      if (layer.returnSequences) parts.push(t("detailSequences"));
      break;
    case "flatten":
    case "batchNorm":
      break;
  }
  return parts.join(", ");
}

/** The count the text gives: what the question asks (weights, biases, a layer's parameters), with the total beside it. */
function askedCount(derivation: ArchitectureDerivation, t: Translate, asked: AskedOfNetwork | null): string {
  const total = formatNumber(derivation.total);
  const sum = (part: "weights" | "biases") => formatNumber(derivation.layers.reduce((all, layer) => all + layer[part], 0));
  const layer = asked?.layerIndex === null || asked?.layerIndex === undefined ? undefined : derivation.layers[asked.layerIndex];
  switch (asked?.ask) {
    case "weights":
      return t("countWeights", { count: sum("weights"), total });
    case "biases":
      return t("countBiases", { count: sum("biases"), total });
    case "trainable":
      return t("countTrainable", { count: formatNumber(derivation.trainable), total });
    case "layer-params":
      return layer ? t("countLayer", { layer: layer.name, count: formatNumber(layer.params), total }) : t("countTotal", { total });
    default:
      return t("countTotal", { total });
  }
}

/** "784 inputs → dense 256 (relu) → dropout 0.4 → … → dense 10; 235,146 parameters." */
function summarize(spec: ArchitectureSpec, derivation: ArchitectureDerivation, t: Translate, asked: AskedOfNetwork | null): string {
  const layers = derivation.layers.map((layer) => {
    const layerSpec = spec.layers[layer.index];
    const detail = layerSpec ? layerDetail(layerSpec, t) : "";
    return `${layer.name}${detail ? ` (${detail})` : ""} ${layer.outputShape.map((value) => formatNumber(value)).join("×")}`;
  });
  return t("summary", {
    input: spec.input.map((value) => formatNumber(value)).join("×"),
    layers: layers.join(" → "),
    count: askedCount(derivation, t, asked),
  });
}
