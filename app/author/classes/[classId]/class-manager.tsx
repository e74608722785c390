"use client";
import type { Locale } from "next-intl";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useId, useState, type FormEvent } from "react";
import type { ClassDetail } from "@/lib/server/classes/classes";
import { callApi } from "@/lib/api-client";
import { DataTable } from "@/app/_components/data-table";
import { MAX_CLASS_NAME_LENGTH } from "@/lib/schemas/classes";

/** An instructor's class: rename, new join code, assign and unassign decks, remove members, delete. */
export function ClassManager({ initial, lang }: { initial: ClassDetail; lang: Locale }) {
  const t = useTranslations("classes");
  const router = useRouter();
  const [detail, setDetail] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [deckToAssign, setDeckToAssign] = useState(initial.assignable[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const nameId = useId();
  const deckId = useId();
  const base = `/api/author/classes/${encodeURIComponent(detail.id)}`;

  const reload = useCallback(async () => {
    const fresh = await callApi<{ class: ClassDetail }>("GET", base);
    setDetail(fresh.class);
    setDeckToAssign((current) => (fresh.class.assignable.some((d) => d.id === current) ? current : (fresh.class.assignable[0]?.id ?? "")));
  }, [base]);

  const run = useCallback(
    async (work: () => Promise<void>, done: string) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        await work();
        await reload();
        setNotice(done);
        router.refresh();
      } catch (cause) {
        setError(cause instanceof Error ? cause.message : String(cause));
      } finally {
        setBusy(false);
      }
    },
    [busy, reload, router],
  );

  const rename = (event: FormEvent) => {
    event.preventDefault();
    void run(() => callApi("PATCH", base, { name }), t("manage.renamed"));
  };
  const assign = (event: FormEvent) => {
    event.preventDefault();
    if (!deckToAssign) return;
    void run(() => callApi("POST", `${base}/decks`, { deckId: deckToAssign }), t("manage.assigned"));
  };

  async function deleteClass() {
    setBusy(true);
    setError(null);
    try {
      await callApi("DELETE", base);
      router.push("/author/classes");
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6" data-testid="class-manager" data-class-id={detail.id}>
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{detail.name}</h1>
        <Link className="btn-secondary" href={`/author/analytics?class=${encodeURIComponent(detail.id)}`}>
          {t("openAnalytics")}
        </Link>
      </header>

      <div role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-800 dark:text-emerald-200" data-testid="class-notice">
        {notice}
      </div>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-900 dark:bg-rose-950 dark:text-rose-100">
          {error}
        </p>
      ) : null}

      <section className="card space-y-3" aria-labelledby="join-code-title">
        <h2 id="join-code-title" className="text-lg font-semibold">
          {t("author.joinCode")}
        </h2>
        <p>
          <code className="rounded bg-slate-100 px-3 py-1.5 font-mono text-2xl tracking-[0.3em] dark:bg-slate-800" data-testid="join-code">
            {detail.joinCode}
          </code>
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("manage.codeHint")}</p>
        <button type="button" className="btn-secondary" disabled={busy} onClick={() => void run(() => callApi("PATCH", base, { newJoinCode: true }), t("manage.newCodeDone"))}>
          {t("manage.newCode")}
        </button>
      </section>

      <section className="card space-y-3" aria-labelledby="decks-title">
        <h2 id="decks-title" className="text-lg font-semibold">
          {t("manage.decks")}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("manage.decksHint")}</p>
        {detail.decks.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300" data-testid="no-decks">
            {t("manage.noDecks")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="class-decks">
            {detail.decks.map((deck) => (
              <li key={deck.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {deck.title[lang]} <span className="text-xs text-slate-600 dark:text-slate-400">({deck.isPublic ? t("manage.public") : t("manage.private")})</span>
                  {deck.withdrawn ? (
                    <span className="mt-1 block text-sm text-amber-800 dark:text-amber-200" data-testid="deck-withdrawn">
                      {t("manage.withdrawn")}
                    </span>
                  ) : null}
                </span>
                <button
                  type="button"
                  className="btn-secondary px-3 py-1"
                  disabled={busy}
                  aria-label={t("manage.unassignLabel", { name: deck.title[lang] })}
                  onClick={() => void run(() => callApi("DELETE", `${base}/decks/${encodeURIComponent(deck.id)}`), t("manage.unassigned"))}
                >
                  {t("manage.unassign")}
                </button>
              </li>
            ))}
          </ul>
        )}
        {detail.assignable.length > 0 ? (
          <form className="flex flex-col gap-2 sm:flex-row sm:items-end" onSubmit={assign}>
            <div className="flex-1">
              <label htmlFor={deckId} className="field-label">
                {t("manage.assignLabel")}
              </label>
              <select id={deckId} className="field-input" value={deckToAssign} onChange={(event) => setDeckToAssign(event.target.value)}>
                {detail.assignable.map((deck) => (
                  <option key={deck.id} value={deck.id}>
                    {deck.title[lang]} ({deck.isPublic ? t("manage.public") : t("manage.private")})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-primary" disabled={busy || !deckToAssign}>
              {t("manage.assign")}
            </button>
          </form>
        ) : detail.decks.length > 0 ? (
          // Without this the assign form simply vanishes, and it looks as if decks cannot be added.
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("manage.allAssigned")}</p>
        ) : null}
      </section>

      <section className="card space-y-3" aria-labelledby="members-title">
        <h2 id="members-title" className="text-lg font-semibold">
          {t("manage.members", { count: detail.members.length })}
        </h2>
        {detail.members.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">{t("manage.noMembers")}</p>
        ) : (
          <DataTable
            columns={[
              { label: t("manage.memberName") },
              { label: t("manage.memberEmail") },
              { label: t("manage.memberJoined") },
              { label: <span className="sr-only">{t("manage.remove")}</span> },
            ]}
            testId="class-members"
          >
            {detail.members.map((member) => (
              <tr key={member.userId}>
                <td className="py-2 pr-3">{member.name}</td>
                <td className="py-2 pr-3 break-all">{member.email}</td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <time dateTime={member.joinedAt}>{new Date(member.joinedAt).toLocaleDateString(lang, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" })}</time>
                </td>
                <td className="py-2 text-right">
                  <button
                    type="button"
                    className="btn-secondary px-3 py-1"
                    disabled={busy}
                    aria-label={t("manage.removeLabel", { name: member.name })}
                    onClick={() => void run(() => callApi("DELETE", `${base}/members/${encodeURIComponent(member.userId)}`), t("manage.removed"))}
                  >
                    {t("manage.remove")}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="card space-y-3" aria-labelledby="settings-title">
        <h2 id="settings-title" className="text-lg font-semibold">
          {t("manage.settings")}
        </h2>
        <form className="flex flex-col gap-2 sm:flex-row sm:items-end" onSubmit={rename}>
          <div className="flex-1">
            <label htmlFor={nameId} className="field-label">
              {t("author.create.name")}
            </label>
            <input id={nameId} className="field-input" value={name} onChange={(event) => setName(event.target.value)} maxLength={MAX_CLASS_NAME_LENGTH} required />
          </div>
          <button type="submit" className="btn-secondary" disabled={busy || name.trim() === "" || name.trim() === detail.name}>
            {t("manage.rename")}
          </button>
        </form>
        {confirmDelete ? (
          <div className="space-y-2 rounded-lg bg-rose-50 p-3 text-sm text-rose-950 dark:bg-rose-950 dark:text-rose-100" role="group" aria-label={t("manage.delete")}>
            <p>{t("manage.deleteConfirm", { name: detail.name })}</p>
            <div className="flex gap-2">
              <button type="button" className="btn-primary" disabled={busy} onClick={() => void deleteClass()}>
                {t("manage.deleteYes")}
              </button>
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => setConfirmDelete(false)} autoFocus>
                {t("cancel")}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn-secondary" onClick={() => setConfirmDelete(true)}>
            {t("manage.delete")}
          </button>
        )}
      </section>
    </div>
  );
}
