import { db } from "@/lib/server/db";
import { databaseKind } from "@/lib/server/database-url";
import { route } from "@/lib/server/http";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** GET /api/health → {ok, db, version}; ok is false (503) when the database does not answer. */
export const GET = route(async () => {
  const kind = databaseKind();
  try {
    await db.user.count();
    return Response.json({ ok: true, db: kind, version: packageJson.version });
  } catch {
    return Response.json({ ok: false, db: kind, version: packageJson.version }, { status: 503 });
  }
});
