import { mathHtml, renderTex } from "@/lib/math-html";
import { MathHtml } from "./math-html";

export interface MathTextProps {
  /** Markdown-ish text with `$…$` / `$$…$$` TeX. */
  text: string;
  className?: string;
  /** One line of inline text (a choice, a title): no paragraphs, display math shown inline. */
  inline?: boolean;
  /** The language of the text, when it may differ from the page's. */
  lang?: string;
}

/**
 * The question engine's texts typeset where they are rendered (lib/math-html.ts). No hooks and no
 * "use client": it renders on the server (deck pages, exam results) and, where a client component
 * still typesets in the browser (the exam runner, the authoring preview), there too, bringing KaTeX
 * with it. Pages whose questions come from the review or practice API use MathHtml with the
 * server's HTML instead.
 */
export function MathText({ text, className, inline = false, lang }: MathTextProps) {
  return <MathHtml html={mathHtml(text, inline)} className={className} inline={inline} lang={lang} />;
}

/** One formula typeset where it is rendered: inline, or as a block that scrolls sideways on a narrow phone. */
export function TexMath({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = renderTex(tex, display);
  return display ? (
    <div className="my-2 overflow-x-auto overflow-y-hidden py-1" data-math="display" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span data-math="inline" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
