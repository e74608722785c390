import { packMessage } from "@/lib/i18n/message";
import "server-only";
import { z } from "zod";
import { MAX_EXAM_DECKS, MAX_QUESTIONS, MAX_TIME_LIMIT_SECONDS, MIN_QUESTIONS, MIN_TIME_LIMIT_SECONDS } from "./exams/exams";
import { deckIdSchema } from "./classes-schemas";

/** Inputs of the exam APIs, parsed with zod in the route handlers (422 with field messages). */

export const examIdSchema = z
  .string()
  .min(1, packMessage("request.examIdRequired"))
  .max(64, packMessage("request.examIdLength", { max: 64 }))
  .regex(/^[A-Za-z0-9_-]+$/, packMessage("request.examIdForm"));

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
  { response: z.string({ error: packMessage("request.responseText") }).max(2_000, packMessage("request.answerLength", { max: "2,000" })) },
  { error: packMessage("request.sendJson", { example: '{"response": "…"}' }) },
);
