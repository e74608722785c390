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
 * The question engine's texts typeset where they are rendered (lib/math-html.ts), for server
 * components (deck pages, exam results). A client component that imported it would bring KaTeX
 * into the browser: client pages (review, practice, the exam runner, the authoring preview) get the
 * server's HTML (lib/server/typeset.ts) and inject it with MathHtml instead.
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
