import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/server/accounts/users";
import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { NAV_ITEMS } from "./nav-items";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const t = await getTranslations("nav");
  const visible = NAV_ITEMS.filter(
    (item) => !item.needs || (item.needs === "user" && user) || (item.needs === "instructor" && user?.role === "instructor"),
  );
  return (
    // Sticky and compact: on a phone two short rows (brand and actions, then the links in one row
    // that scrolls sideways); from sm up one row, which at 1280 px leaves out "Signed in as".
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-accent-600 text-sm text-white">∂</span>
          DeepDrill
        </Link>
        <nav aria-label={t("mainNavigation")} className="order-3 -mx-1 w-full min-w-0 sm:order-none sm:mx-0 sm:w-auto">
          <NavLinks items={visible.map((item) => ({ href: item.href, label: t(item.labelKey) }))} />
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitcher />
          {user ? (
            <>
              <span className="hidden text-sm text-slate-600 2xl:inline dark:text-slate-400" data-testid="signed-in-as">
                {t("signedInAs", { name: user.name })}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/login" className="btn-secondary px-3 py-1.5">{t("signIn")}</Link>
              <Link href="/register" className="btn-primary hidden px-3 py-1.5 sm:inline-flex">{t("register")}</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
