import "server-only";
import path from "node:path";
import { listConcepts } from "@/lib/content";
import { loadDeckDir } from "@/lib/content/load-decks";
import { SIM_DECK_ID } from "@/app/_components/sim/format";
import { cardLinkText } from "./card-label";

interface Bilingual {
  ko: string;
  en: string;
}

export interface PracticeItem {
  id: string;
  title: Bilingual;
  concept: string;
}

export interface SimDeckLinks {
  deckId: string;
  /** The deck's concepts in its order, with their names. */
  concepts: { id: string; name: Bilingual }[];
  /** Templates (numbers change every time) that name each simulation. */
  templatesBySimulation: Record<string, PracticeItem[]>;
  /** Fixed cards that name each simulation, titled by their question as plain text. */
  cardsBySimulation: Record<string, PracticeItem[]>;
}

let cached: Promise<SimDeckLinks | null> | null = null;

async function load(): Promise<SimDeckLinks | null> {
  const { deck } = await loadDeckDir(path.join(process.cwd(), "content", "decks", SIM_DECK_ID));
  if (!deck) return null;
  const templatesBySimulation: Record<string, PracticeItem[]> = {};
  for (const template of deck.templates) {
    if (!template.simulation) continue;
    (templatesBySimulation[template.simulation] ??= []).push({ id: template.id, title: template.title, concept: template.concept });
  }
  const cardsBySimulation: Record<string, PracticeItem[]> = {};
  for (const card of deck.cards) {
    if (!card.simulation) continue;
    (cardsBySimulation[card.simulation] ??= []).push({ id: card.id, title: cardLinkText(card), concept: card.concept });
  }
  return { deckId: deck.id, concepts: listConcepts(deck).map((entry) => ({ id: entry.concept.id, name: entry.name })), templatesBySimulation, cardsBySimulation };
}

/**
 * Names and practice links for the simulation pages, read from the deck's own files (the concepts
 * and which templates and cards name which simulation live there). Read once; a deck that does not load
 * leaves the pages with concept ids and no template list rather than failing them.
 */
export function simDeckLinks(): Promise<SimDeckLinks | null> {
  if (!cached) {
    cached = load().catch(() => null);
  }
  return cached;
}
