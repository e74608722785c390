import { packMessage } from "@/lib/i18n/message";
import "server-only";
import { z } from "zod";

/** Inputs of the class APIs, parsed with zod in the route handlers (422 with field messages). */

export const classIdSchema = z
  .string()
  .min(1, packMessage("request.classIdRequired"))
  .max(64, packMessage("request.classIdLength", { max: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, packMessage("request.classIdForm"));

export const userIdSchema = z
  .string()
  .min(1, packMessage("request.userIdRequired"))
  .max(64, packMessage("request.userIdLength", { max: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, packMessage("request.userIdForm"));

export const deckIdSchema = z
  .string({ error: packMessage("request.deckId") })
  .min(1, packMessage("request.deckId"))
  .max(100, packMessage("request.deckIdLength", { max: 100 }))
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, packMessage("request.deckIdForm"));

const className = z
  .string({ error: packMessage("request.className") })
  .trim()
  .min(1, packMessage("request.className"))
  .max(100, packMessage("request.classNameLength", { max: 100 }))
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), packMessage("request.classNameControl"));

export const createClassBodySchema = z.strictObject({ name: className }, { error: packMessage("request.sendJson", { example: '{"name": "Deep learning, spring"}' }) });

export const updateClassBodySchema = z
  .strictObject(
    {
      name: className.optional(),
      /** true: replace the join code (the old one stops working). */
      newJoinCode: z.boolean({ error: packMessage("request.boolean", { field: "newJoinCode" }) }).optional(),
    },
    { error: packMessage("request.sendJson", { example: '{"name": "…"} and/or {"newJoinCode": true}' }) },
  )
  .refine((body) => body.name !== undefined || body.newJoinCode === true, { message: packMessage("request.nothingToChange") });

export const assignDeckBodySchema = z.strictObject({ deckId: deckIdSchema }, { error: packMessage("request.sendJson", { example: '{"deckId": "islp-ch10"}' }) });

export const joinBodySchema = z.strictObject(
  {
    code: z
      .string({ error: packMessage("request.joinCode") })
      .trim()
      .min(1, packMessage("request.joinCode"))
      .max(32, packMessage("request.joinCodeForm")),
  },
  { error: packMessage("request.sendJson", { example: '{"code": "ABCD-EFGH"}' }) },
);

export const analyticsQuerySchema = z.strictObject(
  { class: classIdSchema.optional() },
  { error: packMessage("request.onlyQuery", { query: "?class=…" }) },
);
