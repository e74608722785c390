/** The header's links, in order. `needs` hides a link from people who cannot use it. */
export interface NavItem {
  href: string;
  labelKey: "decks" | "review" | "architect" | "simulations" | "stats" | "author";
  needs?: "user" | "instructor";
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/decks", labelKey: "decks", needs: "user" },
  { href: "/architect", labelKey: "architect" },
  { href: "/review", labelKey: "review", needs: "user" },
  { href: "/stats", labelKey: "stats", needs: "user" },
  { href: "/author", labelKey: "author", needs: "instructor" },
];
