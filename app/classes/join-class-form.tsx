"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SingleFieldForm } from "@/app/_components/single-field-form";
import { callApi } from "@/lib/api-client";
import { joinErrorMessage } from "./join-error";
import { MAX_JOIN_CODE_LENGTH } from "@/lib/schemas/classes";

/** Join a class with the code the instructor handed out (letters and digits; case and dashes do not matter). */
export function JoinClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const outcome = await callApi<{ class: { name: string }; joined: boolean }>("POST", "/api/classes/join", { code });
      setNotice(outcome.joined ? t("join.joined", { name: outcome.class.name }) : t("join.already", { name: outcome.class.name }));
      setCode("");
      router.refresh();
    } catch (cause) {
      setError(joinErrorMessage(cause, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SingleFieldForm
      title={t("join.title")}
      label={t("join.label")}
      value={code}
      onChange={setCode}
      onSubmit={() => void submit()}
      busy={busy}
      submitLabel={t("join.submit")}
      busyLabel={t("join.joining")}
      error={error}
      input={{ className: "font-mono uppercase tracking-widest", placeholder: "ABCD-EFGH", autoComplete: "off", autoCapitalize: "characters", spellCheck: false, maxLength: MAX_JOIN_CODE_LENGTH }}
    >
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-800 dark:text-emerald-200" data-testid="join-notice">
        {notice}
      </p>
    </SingleFieldForm>
  );
}
