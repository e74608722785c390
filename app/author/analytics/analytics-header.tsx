import Link from "next/link";
import type { ClassAnalytics } from "@/lib/server/analytics/analytics";
import type { AnalyticsView } from "./analytics-view";

/** The title, the class picker (a GET form: the class is in the address) and which decks and days are counted. */
export function AnalyticsHeader({ view, data, selected }: { view: AnalyticsView; data: ClassAnalytics; selected: NonNullable<ClassAnalytics["selected"]> }) {
  const { t, lang } = view;
  return (
    <header className="space-y-3">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="analytics-class" className="field-label">
            {t("classLabel")}
          </label>
          <select id="analytics-class" name="class" defaultValue={selected.id} className="field-input">
            {data.classes.map((c) => (
              <option key={c.id} value={c.id}>
                {t("classOption", { name: c.name, count: c.memberCount })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("show")}
        </button>
        <Link className="link sm:ml-auto" href={`/author/classes/${encodeURIComponent(selected.id)}`}>
          {t("manageClass")}
        </Link>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="analytics-scope">
        {selected.decks.length > 0 ? t("scope", { decks: selected.decks.map((d) => d.title[lang]).join(", "), days: data.windowDays }) : t("noDecks")}
      </p>
    </header>
  );
}
