import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getItem } from "@/lib/server/decks/deck-catalog";
import { requirePageUser } from "@/lib/server/accounts/page-guards";

/**
 * Answers 404 for an item the student cannot reach before anything streams: the page's loading
 * boundary would otherwise send 200 first and the not-found page after it (docs/architecture.md,
 * "Security").
 */
export default async function PracticeItemLayout({ children, params }: { children: ReactNode; params: Promise<{ itemId: string }> }) {
  const { itemId } = await params;
  const viewer = await requirePageUser(`/practice/${encodeURIComponent(itemId)}`);
  if (!(await getItem(itemId, viewer))) notFound();
  return children;
}
