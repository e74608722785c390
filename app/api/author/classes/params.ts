import { parseWith } from "@/lib/server/platform/http";
import { classIdSchema, userIdSchema } from "@/lib/schemas/classes";
import { deckIdSchema } from "@/lib/schemas/ids";

/** Route contexts of /api/author/classes/[classId]/… handlers. */
export interface ClassRouteContext {
  params: Promise<{ classId: string }>;
}
export interface ClassDeckRouteContext {
  params: Promise<{ classId: string; deckId: string }>;
}
export interface ClassMemberRouteContext {
  params: Promise<{ classId: string; userId: string }>;
}

export async function classIdOf(context: { params: Promise<{ classId: string }> }): Promise<string> {
  return parseWith(classIdSchema, (await context.params).classId);
}

export async function deckIdOf(context: ClassDeckRouteContext): Promise<string> {
  return parseWith(deckIdSchema, (await context.params).deckId);
}

export async function memberIdOf(context: ClassMemberRouteContext): Promise<string> {
  return parseWith(userIdSchema, (await context.params).userId);
}
