"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import { reviewApi } from "../api-client";
import { MAX_NEW_CARDS_PER_DECK, MAX_REVIEWS_PER_DAY } from "@/lib/schemas/review";

/** The user's daily limits (new cards per deck, reviews per day), folded away under a summary. */
export function ReviewSettingsForm({ onSaved }: { onSaved(): void }) {
  const t = useTranslations("review.settings");
  const [open, setOpen] = useState(false);
  const [newCards, setNewCards] = useState("");
  const [reviews, setReviews] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!open || newCards !== "") return;
    reviewApi
      .settings()
      .then((settings) => {
        setNewCards(String(settings.newCardsPerDeck));
        setReviews(String(settings.reviewsPerDay));
      })
      .catch((error: unknown) => setMessage(String((error as Error).message)));
  }, [open, newCards]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await reviewApi.saveSettings({ newCardsPerDeck: Number(newCards), reviewsPerDay: Number(reviews) });
      setMessage(t("saved"));
      onSaved();
    } catch (error) {
      setMessage((error as Error).message);
    }
  }

  return (
    <details className="card text-sm" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <form className="mt-3 space-y-3" onSubmit={save}>
        <div>
          <label htmlFor="limit-new" className="field-label">
            {t("newCardsPerDeck")}
          </label>
          <input id="limit-new" className="field-input" type="number" min={0} max={MAX_NEW_CARDS_PER_DECK} required value={newCards} onChange={(e) => setNewCards(e.target.value)} />
        </div>
        <div>
          <label htmlFor="limit-reviews" className="field-label">
            {t("reviewsPerDay")}
          </label>
          <input id="limit-reviews" className="field-input" type="number" min={0} max={MAX_REVIEWS_PER_DAY} required value={reviews} onChange={(e) => setReviews(e.target.value)} />
        </div>
        <button type="submit" className="btn-secondary">
          {t("save")}
        </button>
        <p role="status" className="min-h-5">
          {message}
        </p>
      </form>
    </details>
  );
}
