import "server-only";
import { z } from "zod";

/** Inputs of the class APIs, parsed with zod in the route handlers (422 with field messages). */

export const classIdSchema = z
  .string()
  .min(1, "A class id is required.")
  .max(64, "A class id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "A class id is letters and digits.");

export const userIdSchema = z
  .string()
  .min(1, "A user id is required.")
  .max(64, "A user id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "A user id is letters and digits.");

export const deckIdSchema = z
  .string({ error: "deckId is a deck id." })
  .min(1, "deckId is a deck id.")
  .max(100, "A deck id has at most 100 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A deck id is lower-case words joined by hyphens.");

const className = z
  .string({ error: "Give the class a name." })
  .trim()
  .min(1, "Give the class a name.")
  .max(100, "A class name has at most 100 characters.")
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "A class name cannot contain control characters.");

export const createClassBodySchema = z.strictObject({ name: className }, { error: 'Send a JSON object: {"name": "Deep learning, spring"}.' });

export const updateClassBodySchema = z
  .strictObject(
    {
      name: className.optional(),
      /** true: replace the join code (the old one stops working). */
      newJoinCode: z.boolean({ error: "newJoinCode is true or false." }).optional(),
    },
    { error: 'Send a JSON object: {"name": "…"} and/or {"newJoinCode": true}.' },
  )
  .refine((body) => body.name !== undefined || body.newJoinCode === true, { message: "Nothing to change: send a name or newJoinCode: true." });

export const assignDeckBodySchema = z.strictObject({ deckId: deckIdSchema }, { error: 'Send a JSON object: {"deckId": "islp-ch10"}.' });

export const joinBodySchema = z.strictObject(
  {
    code: z
      .string({ error: "Type the join code your instructor gave you." })
      .trim()
      .min(1, "Type the join code your instructor gave you.")
      .max(32, "A join code has 8 letters and digits."),
  },
  { error: 'Send a JSON object: {"code": "ABCD-EFGH"}.' },
);

export const analyticsQuerySchema = z.strictObject(
  { class: classIdSchema.optional() },
  { error: "Only ?class=… is understood." },
);
