import type { ReactNode } from "react";

export interface DataColumn {
  label: ReactNode;
  /** Right-aligned, for counts (a share with its bar stays left-aligned). */
  numeric?: boolean;
}

const LOOKS = {
  // Analytics, exam results, class members: roomy rows between rules; the heading above names the table.
  report: { table: "text-left text-sm", caption: "sr-only", header: "py-2", body: "divide-y divide-slate-200 dark:divide-slate-800" },
  // Beside a simulation's charts: the caption says what was measured; dense rows of tabular figures.
  figure: { table: "text-left text-sm tabular-nums", caption: "mb-2 text-left text-sm font-medium", header: "py-1", body: "" },
} as const;

/**
 * The frame the app's data tables share: caption, a header row of column labels, and the body rows
 * the caller writes (their cells carry their own padding). It scrolls sideways on narrow screens;
 * a captioned table's scroll box is a named, focusable region so that keyboard users can scroll it
 * too (WCAG 2.1.1; axe's scrollable-region-focusable).
 * `className` adds to the table, e.g. a minimum width for a wide one.
 */
export function DataTable({
  caption,
  columns,
  look = "report",
  testId,
  className,
  children,
}: {
  caption?: string;
  columns: readonly DataColumn[];
  look?: keyof typeof LOOKS;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  const style = LOOKS[look];
  return (
    <div className="overflow-x-auto" {...(caption ? { role: "region", "aria-label": caption, tabIndex: 0 } : {})}>
      <table className={`w-full ${style.table} ${className ?? ""}`.trim()} data-testid={testId}>
        {caption ? <caption className={style.caption}>{caption}</caption> : null}
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={`${style.header} ${index < columns.length - 1 ? "pr-3" : ""} ${column.numeric ? "text-right" : ""} font-medium`.replace(/\s+/g, " ")}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={style.body || undefined}>{children}</tbody>
      </table>
    </div>
  );
}
