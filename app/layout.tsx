import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/server/accounts/session";
import { SiteHeader } from "./_components/site-header";
import { AuthSessionProvider } from "./_components/session-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: "%s · DeepDrill" }, description: t("description") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user, t] = await Promise.all([getLocale(), getCurrentUser(), getTranslations()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
          {t("nav.skipToContent")}
        </a>
        <NextIntlClientProvider>
          <AuthSessionProvider>
            <SiteHeader user={user} />
            <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
              {children}
            </main>
            <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
              {t("footer.about")}
            </footer>
          </AuthSessionProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
