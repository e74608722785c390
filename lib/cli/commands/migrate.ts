import { migrateDatabase } from "../database";

/**
 * `deepdrill migrate`: apply the committed migrations to the database of DATABASE_URL and exit.
 * Several instances on one PostgreSQL database run it once per deployment, before starting them
 * (README, "Several instances"); `npm start` also runs it, which is then a quick no-op.
 */
export async function run(): Promise<number> {
  await migrateDatabase(process.env);
  return 0;
}
