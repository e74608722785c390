"use client";
import katex from "katex";
import { katexOptions } from "@/lib/katex-options";
import "katex/dist/katex.min.css";
import { useMemo } from "react";

/**
 * A worked formula typeset by KaTeX, with its plain-text twin for screen readers (and for anyone
 * copying it). The TeX comes from the model core's own formulas, built from numbers only.
 */
export function Tex({ tex, text, className }: { tex: string; text: string; className?: string }) {
  const html = useMemo(() => katex.renderToString(tex, { ...katexOptions, output: "html" }), [tex]);
  return (
    <span className={className}>
      <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: html }} />
      <span className="sr-only">{text}</span>
    </span>
  );
}
