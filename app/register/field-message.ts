import type { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/schemas/account";

export type RegisterField = "email" | "password" | "name";
type ErrorKey = "emailRequired" | "emailInvalid" | "passwordShort" | "passwordLong" | "nameRequired" | "nameLong";

/**
 * The shared zod schema speaks English to API clients; the form shows the same rule in the
 * reader's language, so each (field, issue) maps to a message key.
 */
export function registerErrorKey(field: RegisterField, issue: z.core.$ZodIssue): { key: ErrorKey; values?: Record<string, number> } {
  if (field === "email") return issue.code === "too_small" ? { key: "emailRequired" } : { key: "emailInvalid" };
  if (field === "password") {
    return issue.code === "too_big"
      ? { key: "passwordLong", values: { max: MAX_PASSWORD_LENGTH } }
      : { key: "passwordShort", values: { min: MIN_PASSWORD_LENGTH } };
  }
  return issue.code === "too_big" ? { key: "nameLong" } : { key: "nameRequired" };
}
