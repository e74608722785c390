"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { PublishBlocker, VersionSummary } from "@/lib/server/decks/deck-versions";
import { deckApi } from "./api";
import { api, ApiError } from "@/lib/api-client";

/** The deck's versions, newest first, with Publish and Retire. */
export function VersionList({ deckId, versions }: { deckId: string; versions: VersionSummary[] }) {
  const t = useTranslations("author.versions");
  const locale = useLocale();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; blockers?: PublishBlocker[] } | null>(null);

  async function act(version: string, action: "publish" | "retire") {
    if (action === "retire" && !window.confirm(t("retireConfirm", { version }))) return;
    setBusy(`${version}:${action}`);
    setMessage(null);
    try {
      if (action === "publish") {
        await api(`${deckApi(deckId)}/versions/${version}/publish`, { method: "POST" });
        setMessage({ tone: "ok", text: t("publishedMessage", { version }) });
      } else {
        const outcome = await api<{ current: string | null; closedReviews: number }>(`${deckApi(deckId)}/versions/${version}/retire`, { method: "POST" });
        setMessage({ tone: "ok", text: t("retiredMessage", { version, reviews: outcome.closedReviews, current: outcome.current ?? t("none") }) });
      }
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof Error ? error.message : String(error), blockers: error instanceof ApiError ? error.list<PublishBlocker>("blockers") : undefined });
    } finally {
      setBusy(null);
    }
  }

  if (versions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        {message ? (
          <div role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-800 dark:text-emerald-200"}`}>
            <p>{message.text}</p>
            {message.blockers ? (
              <ul className="mt-1 list-disc pl-5">
                {message.blockers.map((blocker, index) => (
                  <li key={index}>{blocker.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="-mx-1 overflow-x-auto px-1" role="region" aria-label={t("title")} tabIndex={0}>
        <table className="w-full min-w-[40rem] text-left text-sm" data-testid="versions">
          <thead>
            <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-700 dark:text-slate-400">
              <th scope="col" className="py-2 pr-3">{t("version")}</th>
              <th scope="col" className="py-2 pr-3">{t("status")}</th>
              <th scope="col" className="py-2 pr-3">{t("harness")}</th>
              <th scope="col" className="py-2 pr-3">{t("saved")}</th>
              <th scope="col" className="py-2">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.version} className="border-b border-slate-200 dark:border-slate-800" data-version={version.version} data-status={version.status}>
                <td className="py-2 pr-3 font-mono">{version.version}</td>
                <td className="py-2 pr-3">
                  {t(`statuses.${version.status}`)}
                  {version.current ? <span className="ml-2 rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-700 dark:bg-slate-800 dark:text-accent-100">{t("current")}</span> : null}
                </td>
                <td className="py-2 pr-3">
                  {version.harness ? t("harnessSummary", { templates: version.templates, cards: version.cards, variants: version.harness.variants, failures: version.harness.failures }) : t("notRun")}
                </td>
                <td className="py-2 pr-3 text-slate-600 dark:text-slate-400">
                  <time dateTime={version.createdAt}>{new Date(version.createdAt).toLocaleString(locale)}</time>
                  {version.authorName ? ` · ${version.authorName}` : ""}
                </td>
                <td className="py-2 text-right whitespace-nowrap">
                  {!version.current ? (
                    <button type="button" className="btn-secondary px-3 py-1" disabled={busy !== null} onClick={() => void act(version.version, "publish")}>
                      {busy === `${version.version}:publish` ? t("publishing") : t("publish")}
                    </button>
                  ) : null}{" "}
                  {version.status !== "retired" && version.status !== "draft" ? (
                    <button type="button" className="btn-secondary px-3 py-1" disabled={busy !== null} onClick={() => void act(version.version, "retire")}>
                      {busy === `${version.version}:retire` ? t("retiring") : t("retire")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
