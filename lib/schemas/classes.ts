import { z } from "zod";
import { packMessage } from "../i18n/message";
import { deckIdSchema, MAX_OPAQUE_ID_LENGTH, opaqueIdSchema } from "./ids";

/** Inputs of the class APIs, parsed with zod in the route handlers (422 with field messages) and read by the class forms. */

export const MAX_CLASS_NAME_LENGTH = 100;
export const MAX_JOIN_CODE_LENGTH = 32;

export const classIdSchema = opaqueIdSchema({ required: packMessage("request.classIdRequired"), tooLong: packMessage("request.classIdLength", { max: MAX_OPAQUE_ID_LENGTH }), form: packMessage("request.classIdForm") });

export const userIdSchema = opaqueIdSchema({ required: packMessage("request.userIdRequired"), tooLong: packMessage("request.userIdLength", { max: MAX_OPAQUE_ID_LENGTH }), form: packMessage("request.userIdForm") });

const className = z
  .string({ error: packMessage("request.className") })
  .trim()
  .min(1, packMessage("request.className"))
  .max(MAX_CLASS_NAME_LENGTH, packMessage("request.classNameLength", { max: MAX_CLASS_NAME_LENGTH }))
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
      .max(MAX_JOIN_CODE_LENGTH, packMessage("request.joinCodeForm")),
  },
  { error: packMessage("request.sendJson", { example: '{"code": "ABCD-EFGH"}' }) },
);

export const analyticsQuerySchema = z.strictObject(
  { class: classIdSchema.optional() },
  { error: packMessage("request.onlyQuery", { query: "?class=…" }) },
);
