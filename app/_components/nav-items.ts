/** The header's links, in order. `needs` hides a link from people who cannot use it. */
export interface NavItem {
  href: string;
  labelKey: "decks" | "review" | "architect" | "simulations" | "stats" | "author" | "exam" | "classes" | "account";
  needs?: "user" | "instructor";
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/review", labelKey: "review", needs: "user" },
  { href: "/decks", labelKey: "decks", needs: "user" },
  { href: "/exam", labelKey: "exam", needs: "user" },
  { href: "/stats", labelKey: "stats", needs: "user" },
  { href: "/architect", labelKey: "architect" },
  { href: "/sim", labelKey: "simulations" },
  { href: "/classes", labelKey: "classes", needs: "user" },
  { href: "/author", labelKey: "author", needs: "instructor" },
  { href: "/account", labelKey: "account", needs: "user" },
];
