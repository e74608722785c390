import "katex/dist/katex.min.css";

/**
 * Text already typeset by `mathHtml` (lib/math-html.ts), on the server or in the API payload: only
 * KaTeX's stylesheet comes with it, not KaTeX's code, so a client page that shows questions stays
 * light. The HTML is the renderer's own output (every character of the source escaped, KaTeX with
 * `trust` off), never text from elsewhere.
 */
export function MathHtml({ html, className, inline = false, lang }: { html: string; className?: string; inline?: boolean; lang?: string }) {
  if (inline) return <span className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
  return <div className={["space-y-2 leading-relaxed", className].filter(Boolean).join(" ")} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
