import { registerSchema } from "@/lib/schemas/account";
import { parseJsonBody, route } from "@/lib/server/platform/http";
import { clientAddress } from "@/lib/server/accounts/login-throttle";
import { claimRegistration } from "@/lib/server/accounts/register-throttle";
import { registerUser } from "@/lib/server/accounts/users";

/**
 * POST /api/register {email, password, name} → 201 {user}; 409 duplicate; 4xx on bad input;
 * 429 with Retry-After past the per-address limit (lib/server/accounts/register-throttle.ts).
 */
export const POST = route(async (request) => {
  const input = await parseJsonBody(request, registerSchema);
  await claimRegistration(clientAddress(request.headers));
  const user = await registerUser(input);
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, { status: 201 });
});
