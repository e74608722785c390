import { leaveClass } from "@/lib/server/classes/classes";
import { parseWith, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";
import { classIdSchema } from "@/lib/schemas/classes";

interface Context {
  params: Promise<{ classId: string }>;
}

/** DELETE /api/classes/{classId} → 204: leave the class (its private decks disappear from the user's lists). */
export const DELETE = route<Context>(async (_request, context) => {
  const user = await requireUser();
  await leaveClass(user, parseWith(classIdSchema, (await context.params).classId));
  return new Response(null, { status: 204 });
});
