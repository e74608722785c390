"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SingleFieldForm } from "@/app/_components/single-field-form";
import { ApiError, callApi } from "@/lib/api-client";
import { MAX_CLASS_NAME_LENGTH } from "@/lib/schemas/classes";

/** Create a class: a name; the server makes its join code. Goes to the new class's page. */
export function CreateClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await callApi<{ class: { id: string } }>("POST", "/api/author/classes", { name });
      router.push(`/author/classes/${encodeURIComponent(created.class.id)}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? (cause.fields?.name?.[0] ?? cause.message) : String(cause));
      setBusy(false);
    }
  }

  return (
    <SingleFieldForm
      title={t("author.create.title")}
      label={t("author.create.name")}
      value={name}
      onChange={setName}
      onSubmit={() => void submit()}
      busy={busy}
      submitLabel={t("author.create.submit")}
      busyLabel={t("author.create.creating")}
      error={error}
      input={{ maxLength: MAX_CLASS_NAME_LENGTH }}
    />
  );
}
