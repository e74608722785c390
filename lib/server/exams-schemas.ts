import "server-only";
import { z } from "zod";
import { MAX_EXAM_DECKS, MAX_QUESTIONS, MAX_TIME_LIMIT_SECONDS, MIN_QUESTIONS, MIN_TIME_LIMIT_SECONDS } from "./exams";
import { deckIdSchema } from "./classes-schemas";

/** Inputs of the exam APIs, parsed with zod in the route handlers (422 with field messages). */

export const examIdSchema = z
  .string()
  .min(1, "An exam id is required.")
  .max(64, "An exam id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "An exam id is letters and digits.");

export const positionSchema = z.coerce
  .number({ error: "The question number is a whole number." })
  .int("The question number is a whole number.")
  .min(1, "Questions are numbered from 1.")
  .max(MAX_QUESTIONS, `An exam has at most ${MAX_QUESTIONS} questions.`);

export const startExamBodySchema = z.strictObject(
  {
    deckIds: z
      .array(deckIdSchema, { error: "deckIds is a list of deck ids." })
      .min(1, "Choose at least one deck.")
      .max(MAX_EXAM_DECKS, `Choose at most ${MAX_EXAM_DECKS} decks.`),
    questionCount: z
      .number({ error: "questionCount is a number." })
      .int("questionCount is a whole number.")
      .min(MIN_QUESTIONS, `At least ${MIN_QUESTIONS} question.`)
      .max(MAX_QUESTIONS, `At most ${MAX_QUESTIONS} questions.`),
    timeLimitSeconds: z
      .number({ error: "timeLimitSeconds is a number." })
      .int("timeLimitSeconds is a whole number of seconds.")
      .min(MIN_TIME_LIMIT_SECONDS, `At least ${MIN_TIME_LIMIT_SECONDS / 60} minute.`)
      .max(MAX_TIME_LIMIT_SECONDS, `At most ${MAX_TIME_LIMIT_SECONDS / 3600} hours.`),
    countAsReviews: z.boolean({ error: "countAsReviews is true or false." }).optional().default(false),
  },
  { error: 'Send a JSON object: {"deckIds": ["islp-ch10"], "questionCount": 10, "timeLimitSeconds": 300, "countAsReviews": false}.' },
);

export const saveAnswerBodySchema = z.strictObject(
  { response: z.string({ error: "response is the answer as text." }).max(2_000, "An answer has at most 2,000 characters.") },
  { error: 'Send a JSON object: {"response": "…"}.' },
);
