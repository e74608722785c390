"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { chooseLocale } from "@/app/_actions/locale";

const LANGUAGES = [
  { locale: "ko", label: "한국어" },
  { locale: "en", label: "English" },
] as const;

export function LanguageSwitcher() {
  const current = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex rounded-lg border border-slate-300 p-0.5 text-xs dark:border-slate-700">
      {LANGUAGES.map(({ locale, label }) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await chooseLocale(locale);
              router.refresh();
            })
          }
          className={`rounded-md px-2 py-1 font-medium ${current === locale ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
