import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/content-security-policy";

/**
 * Runs before every page and API request: a fresh CSP nonce per request
 * (lib/content-security-policy.ts). The policy goes on the request too, because that is where
 * Next.js reads the nonce for the scripts it writes into the page.
 */
export function proxy(request: NextRequest): NextResponse {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Hashed build files and the icon never run inline code; everything else gets the policy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
