"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { DeckEditorEntry } from "@/lib/server/decks/authoring";
import { deckApi } from "./api";
import { api } from "@/lib/api-client";

/** The owner's settings: who else edits the deck, and whether every student sees it. */
export function DeckSettings({ deckId, isPublic, editors, isOwner }: { deckId: string; isPublic: boolean; editors: DeckEditorEntry[]; isOwner: boolean }) {
  const t = useTranslations("author.settings");
  const router = useRouter();
  const base = useId();
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ tone: "ok", text: await work() });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm">{isPublic ? t("public") : t("private")}</p>
        {isOwner ? (
          <button type="button" className="btn-secondary" disabled={busy} onClick={() => void run(async () => (await api(deckApi(deckId), { method: "PATCH", body: { isPublic: !isPublic } }), isPublic ? t("madePrivate") : t("madePublic")))}>
            {isPublic ? t("makePrivate") : t("makePublic")}
          </button>
        ) : null}
      </div>
      <div>
        <h3 className="text-sm font-semibold">{t("editors")}</h3>
        {editors.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noEditors")}</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {editors.map((editor) => (
              <li key={editor.userId} className="flex flex-wrap items-center gap-2">
                <span>
                  {editor.name} · {editor.email}
                </span>
                {isOwner ? (
                  <button type="button" className="link text-xs" disabled={busy} onClick={() => void run(async () => (await api(`${deckApi(deckId)}/editors`, { method: "DELETE", body: { userId: editor.userId } }), t("removed", { email: editor.email })))}>
                    {t("remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {isOwner ? (
        <form
          className="flex flex-wrap items-end gap-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api(`${deckApi(deckId)}/editors`, { body: { email } });
              setEmail("");
              return t("shared", { email });
            });
          }}
        >
          <div>
            <label className="field-label" htmlFor={`${base}-email`}>
              {t("shareWith")}
            </label>
            <input id={`${base}-email`} type="email" className="field-input" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
          </div>
          <button type="submit" className="btn-secondary" disabled={busy || email.trim() === ""}>
            {t("share")}
          </button>
        </form>
      ) : null}
      <div aria-live="polite">
        {message ? (
          <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-300" : "text-emerald-800 dark:text-emerald-200"}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
