import { deleteClass, getOwnedClass, updateClass } from "@/lib/server/classes/classes";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireInstructor } from "@/lib/server/accounts/session";
import { updateClassBodySchema } from "@/lib/schemas/classes";
import { classIdOf, type ClassRouteContext } from "../params";

/** GET /api/author/classes/{classId} → {class: {…, members, assignable}}; another instructor's class is a 404. */
export const GET = route<ClassRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  return Response.json({ class: await getOwnedClass(user, await classIdOf(context)) }, { headers: { "Cache-Control": "no-store" } });
});

/** PATCH /api/author/classes/{classId} {name?, newJoinCode?} → {class}. */
export const PATCH = route<ClassRouteContext>(async (request, context) => {
  const user = await requireInstructor();
  const classId = await classIdOf(context);
  const body = await parseJsonBody(request, updateClassBodySchema);
  return Response.json({ class: await updateClass(user, classId, body) });
});

/** DELETE /api/author/classes/{classId} → 204: memberships and assignments go; decks and progress stay. */
export const DELETE = route<ClassRouteContext>(async (_request, context) => {
  const user = await requireInstructor();
  await deleteClass(user, await classIdOf(context));
  return new Response(null, { status: 204 });
});
