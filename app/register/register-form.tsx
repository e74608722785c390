"use client";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { registerSchema } from "@/lib/schemas/account";
import { TextField } from "@/app/_components/text-field";
import { registerErrorKey, type RegisterField } from "./field-message";
import { ApiError, callApi } from "@/lib/api-client";

type FieldErrors = Partial<Record<RegisterField, string>>;

export function RegisterForm() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<"idle" | "pending" | "signing-in">("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      name: String(form.get("name") ?? ""),
      locale,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const parsed = registerSchema.safeParse(input);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as RegisterField;
        if (next[field]) continue;
        const { key, values } = registerErrorKey(field, issue);
        next[field] = t(`errors.${key}`, values);
      }
      setErrors(next);
      setFormError(t("fixFields"));
      return;
    }
    setErrors({});
    setFormError(null);
    setStatus("pending");
    try {
      await callApi("POST", "/api/register", parsed.data);
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) setErrors({ email: t("errors.emailTaken") });
      else setFormError(cause instanceof ApiError && cause.body?.error ? cause.message : t("genericError"));
      setStatus("idle");
      return;
    }
    try {
      setStatus("signing-in");
      const result = await signIn("credentials", { redirect: false, email: parsed.data.email, password: parsed.data.password });
      if (result?.ok) {
        router.replace("/");
        router.refresh();
      } else {
        router.replace("/login");
      }
    } catch {
      setFormError(t("genericError"));
      setStatus("idle");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="name" name="name" autoComplete="name" label={t("name")} error={errors.name} required />
      <TextField id="email" name="email" type="email" autoComplete="email" label={t("email")} error={errors.email} required />
      <TextField id="password" name="password" type="password" autoComplete="new-password" label={t("password")} hint={t("passwordHint")} error={errors.password} required />
      {formError ? <p role="status" className="text-sm text-red-700 dark:text-red-300">{formError}</p> : null}
      {status === "signing-in" ? <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">{t("registered")}</p> : null}
      <button type="submit" className="btn-primary w-full py-2.5" disabled={status !== "idle"}>
        {status === "idle" ? t("submitRegister") : t("submitting")}
      </button>
    </form>
  );
}
