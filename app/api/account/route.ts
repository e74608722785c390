import { z } from "zod";
import { packMessage } from "@/lib/i18n/message";
import { deleteAccount } from "@/lib/server/accounts/account-delete";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { requireUser } from "@/lib/server/accounts/session";

const deleteBodySchema = z.object({ password: z.string().min(1, packMessage("account.typePassword")).max(1024) });

/** DELETE /api/account {password} → {deleted: true}: erases the signed-in person's account and data. */
export const DELETE = route(async (request) => {
  const user = await requireUser();
  const { password } = await parseJsonBody(request, deleteBodySchema);
  await deleteAccount(user.id, password, request.headers);
  return Response.json({ deleted: true });
});
