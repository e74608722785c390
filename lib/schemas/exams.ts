import { z } from "zod";
import { packMessage } from "../i18n/message";
import { deckIdSchema, MAX_OPAQUE_ID_LENGTH, opaqueIdSchema } from "./ids";
import { answerSchema } from "./limits";

/** Inputs of the exam APIs, parsed with zod in the route handlers (422 with field messages); the limits are the setup form's too. */

export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 50;
export const MIN_TIME_LIMIT_SECONDS = 60;
export const MAX_TIME_LIMIT_SECONDS = 3 * 60 * 60;
export const MAX_EXAM_DECKS = 20;

export const examIdSchema = opaqueIdSchema({ required: packMessage("request.examIdRequired"), tooLong: packMessage("request.examIdLength", { max: MAX_OPAQUE_ID_LENGTH }), form: packMessage("request.examIdForm") });

export const positionSchema = z.coerce
  .number({ error: packMessage("request.position") })
  .int(packMessage("request.position"))
  .min(1, packMessage("request.positionFrom"))
  .max(MAX_QUESTIONS, packMessage("request.positionMax", { max: MAX_QUESTIONS }));

export const startExamBodySchema = z.strictObject(
  {
    deckIds: z
      .array(deckIdSchema, { error: packMessage("request.deckIds") })
      .min(1, packMessage("request.chooseDeck"))
      .max(MAX_EXAM_DECKS, packMessage("request.atMostDecksChoose", { max: MAX_EXAM_DECKS })),
    questionCount: z
      .number({ error: packMessage("request.number", { field: "questionCount" }) })
      .int(packMessage("request.wholeNumber", { field: "questionCount" }))
      .min(MIN_QUESTIONS, packMessage("request.atLeastQuestions", { min: MIN_QUESTIONS }))
      .max(MAX_QUESTIONS, packMessage("request.atMostQuestions", { max: MAX_QUESTIONS })),
    timeLimitSeconds: z
      .number({ error: packMessage("request.number", { field: "timeLimitSeconds" }) })
      .int(packMessage("request.wholeSeconds", { field: "timeLimitSeconds" }))
      .min(MIN_TIME_LIMIT_SECONDS, packMessage("request.atLeastMinutes", { min: MIN_TIME_LIMIT_SECONDS / 60 }))
      .max(MAX_TIME_LIMIT_SECONDS, packMessage("request.atMostHours", { max: MAX_TIME_LIMIT_SECONDS / 3600 })),
    countAsReviews: z.boolean({ error: packMessage("request.boolean", { field: "countAsReviews" }) }).optional().default(false),
  },
  { error: packMessage("request.sendJson", { example: '{"deckIds": ["islp-ch10"], "questionCount": 10, "timeLimitSeconds": 300, "countAsReviews": false}' }) },
);

export const saveAnswerBodySchema = z.strictObject(
  { response: answerSchema },
  { error: packMessage("request.sendJson", { example: '{"response": "…"}' }) },
);
