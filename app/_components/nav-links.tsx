"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The header's links, with the section you are in marked (aria-current and a filled pill): without
 * it, nothing on a page like /decks/<id> or /exam/<id> said where in the app you were.
 */
export function NavLinks({ items }: { items: readonly { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto text-sm sm:flex-wrap sm:overflow-visible">
      {items.map((item) => {
        const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-2.5 py-1.5 ${
                current
                  ? "bg-accent-50 font-medium text-accent-700 dark:bg-slate-800 dark:text-white"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
