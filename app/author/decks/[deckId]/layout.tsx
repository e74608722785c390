import type { ReactNode } from "react";
import { deckForPage } from "../_components/page-access";

/**
 * Checks that the deck exists and that the instructor may see it before anything streams: a
 * loading boundary below would otherwise send 200 first, and the not-found or forbidden page after
 * it (docs/architecture.md, "Security"). The pages below check again, with what they need.
 */
export default async function DeckLayout({ children, params }: { children: ReactNode; params: Promise<{ deckId: string }> }) {
  const { deckId } = await params;
  await deckForPage(deckId, `/author/decks/${encodeURIComponent(deckId)}`, false);
  return children;
}
