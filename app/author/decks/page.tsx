import { redirect } from "next/navigation";

/** /author/decks: the decks are listed on /author. */
export default function AuthorDecksPage() {
  redirect("/author");
}
