/** The URL of an authoring deck's API, /api/author/decks/<id>, which the deck pages call with lib/api-client. */
export const deckApi = (deckId: string) => `/api/author/decks/${encodeURIComponent(deckId)}`;
