import { z } from "zod";
import { deleteAccount } from "@/lib/server/accounts/account-delete";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

const deleteBodySchema = z.object({ password: z.string().min(1, "Type your password to confirm.").max(1024) });

/** DELETE /api/account {password} → {deleted: true}: erases the signed-in person's account and data. */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  const { password } = await parseJsonBody(request, deleteBodySchema);
  await deleteAccount(user.id, password, request.headers);
  return Response.json({ deleted: true });
});
