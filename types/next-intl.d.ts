import type { AppLocale } from "@/lib/i18n/config";

/**
 * The app's languages, typed once: useLocale() and getLocale() return "ko" | "en", so a page
 * indexes bilingual text with the locale directly. The request config (lib/i18n/request.ts) only
 * ever sets a locale that resolveLocale chose from this list.
 */
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
  }
}
