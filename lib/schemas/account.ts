import { z } from "zod";
import { locales } from "@/lib/i18n/config";

/** Shared by the registration form (client) and POST /api/register (server). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export const emailSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "An e-mail address has at most 254 characters.")
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.com." }))
  .transform((email) => email.toLowerCase());

export const registerSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`),
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "A name has at most 100 characters."),
  locale: z.enum(locales).optional(),
  timezone: z.string().max(64).optional(),
}, { error: 'Send a JSON object: {"email": "…", "password": "…", "name": "…"}.' });

export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

