"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adoptUserLocale } from "@/app/_actions/locale";
import { TextField } from "@/app/_components/text-field";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (result?.ok && !result.error) {
        await adoptUserLocale();
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      if (result?.status === 429 || result?.error?.startsWith("Throttled")) {
        const retryAfter = Number(result?.error?.split(":")[1] ?? "900") || 900;
        setError(t("throttled", { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }));
      } else if (result?.error === "CredentialsSignin") {
        setError(t("wrongCredentials"));
      } else {
        setError(t("genericError"));
      }
    } catch {
      setError(t("genericError"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="email" name="email" type="email" autoComplete="email" label={t("email")} required />
      <TextField id="password" name="password" type="password" autoComplete="current-password" label={t("password")} required />
      {error ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full py-2.5" disabled={pending}>
        {pending ? t("submitting") : t("submitLogin")}
      </button>
    </form>
  );
}
