import type { ReactNode } from "react";

/** A section of the analytics page: a heading that labels it, an optional lead line, then its content. */
export function AnalyticsSection({ id, title, lead, className, children }: { id: string; title: string; lead?: string; className: string; children: ReactNode }) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {lead ? <p className="text-sm text-slate-600 dark:text-slate-400">{lead}</p> : null}
      {children}
    </section>
  );
}
