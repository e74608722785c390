import { removeMember } from "@/lib/server/classes/classes";
import { route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { classIdOf, memberIdOf, type ClassMemberRouteContext } from "../../../params";

/** DELETE /api/author/classes/{classId}/members/{userId} → 204: the student leaves the class. */
export const DELETE = route<ClassMemberRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  const [classId, userId] = await Promise.all([classIdOf(context), memberIdOf(context)]);
  await removeMember(user, classId, userId);
  return new Response(null, { status: 204 });
});
