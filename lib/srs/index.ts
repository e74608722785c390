/** The pure spaced-repetition core: SM-2, calendar days, card states, the daily queue, suggested grades. */
export * from "./sm2";
export * from "./days";
export * from "./review-state";
export * from "./queue";
export * from "./daily-room";
export * from "./suggested-grade";
export * from "./introduction-order";
