"use client";
import dynamic from "next/dynamic";

/**
 * The network diagram of the solution panel, loaded when a solution with a network first opens:
 * it brings the model core's closed forms and spec validation, which the question itself never
 * needs (bench/page-weight.ts measures what a first visit to /review downloads).
 */
export const SolutionDiagram = dynamic(() => import("@/app/_components/network-diagram").then((module) => module.NetworkDiagram), {
  loading: () => <div className="h-40 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-hidden="true" />,
});
