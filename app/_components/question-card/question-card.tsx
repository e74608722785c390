import type { ComponentPropsWithRef, ReactNode } from "react";
import { MathHtml } from "@/app/_components/math-html";

type ArticleProps = Omit<ComponentPropsWithRef<"article">, "children">;

interface Props extends ArticleProps {
  header: ReactNode;
  /** The prompt, already typeset. */
  promptHtml: string;
  lang: string;
  /** Fades the prompt while the next one is on its way. */
  dimmed?: boolean;
  children?: ReactNode;
}

/**
 * One question on screen, as review and practice both show it: a card with its header, the prompt
 * (`data-testid="prompt"`), then the answer controls, the verdict and the solution the caller puts in.
 * Attributes (ref, aria-*, data-*) go to the card's <article>.
 */
export function QuestionCard({ header, promptHtml, lang, dimmed = false, className, children, ...article }: Props) {
  return (
    <article className={["card space-y-5", className].filter(Boolean).join(" ")} {...article}>
      {header}
      <div className={`text-lg transition-opacity${dimmed ? " opacity-50" : ""}`} data-testid="prompt">
        <MathHtml html={promptHtml} lang={lang} />
      </div>
      {children}
    </article>
  );
}

/** The verdict's colours: green for right, red for wrong, grey for a revealed (self-graded) answer. */
export function verdictTone(status: string | undefined): string {
  if (status === "correct") return "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";
  if (status === "wrong") return "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-100";
  return "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100";
}
