"use client";
import dynamic from "next/dynamic";

/**
 * What only a worked solution shows, loaded when a solution with a network first opens: the network
 * diagram and the layer table bring the model core's closed forms, spec validation and (the table's
 * formulas) KaTeX, which the question itself never needs (bench/page-weight.ts measures what a
 * first visit to /review and /practice downloads).
 */
export const SolutionDiagram = dynamic(() => import("@/app/_components/network-diagram").then((module) => module.NetworkDiagram), {
  loading: () => <div className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden="true" />,
});

export const SolutionLayerTable = dynamic(() => import("@/app/practice/_components/layer-table").then((module) => module.LayerTable), {
  loading: () => <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden="true" />,
});
