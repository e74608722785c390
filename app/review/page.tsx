import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { conceptTemplates } from "@/lib/server/decks/deck-store";
import { requirePageUser } from "@/lib/server/accounts/page-guards";
import { ReviewSession } from "./review-session";
import { isId } from "@/lib/schemas/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("metaTitle") };
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text !== undefined && isId(text) ? text : undefined;
}

/** /review[?deck=…][&concept=…]: today's queue, one card at a time (the loop lives in ReviewSession). */
export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const deck = single(params.deck);
  const concept = single(params.concept);
  const query = new URLSearchParams({ ...(deck ? { deck } : {}), ...(concept ? { concept } : {}) }).toString();
  const user = await requirePageUser(query ? `/review?${query}` : "/review");
  const [t, practise] = await Promise.all([getTranslations("review"), concept ? conceptTemplates(user, concept, deck) : Promise.resolve([])]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ReviewSession deck={deck} concept={concept} practise={practise.map(({ itemId, title }) => ({ itemId, title }))} />
    </div>
  );
}
