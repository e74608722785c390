import "server-only";
import { msg } from "@/lib/i18n/message";
import { db } from "../platform/db";
import { AppError, conflict, tooManyRequests } from "@/lib/server-shared/errors";
import { clientAddress, recordFailure, retryAfterSeconds } from "./login-throttle";
import { verifyPassword } from "./passwords";
import { writeTransaction } from "../platform/write-tx";

/**
 * Erasing an account (docs/architecture.md, "Operations"): after the person types their password,
 * everything tied to them goes in one transaction — the account, deck choices, card states,
 * reviews and the review history (by cascade), exams with their answers, class memberships,
 * problem reports, editor rights and login-failure records. Class analytics are computed from the
 * review history, so they keep nothing of the person afterwards: not even anonymous counts.
 *
 * An instructor who still owns classes or decks is refused (students' work hangs off those); they
 * delete or hand them over first. Wrong passwords count against the sign-in throttle, so a stolen
 * session cannot be used to guess the password here.
 */
export async function deleteAccount(userId: string, password: string, headers: Headers): Promise<void> {
  const record = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!record) throw new AppError(404, msg("account.gone"));
  const ip = clientAddress(headers);
  const wait = await retryAfterSeconds(record.email, ip);
  if (wait > 0) throw tooManyRequests(wait, msg("account.passwordThrottled", { minutes: Math.ceil(wait / 60) }));
  if (!(await verifyPassword(record.passwordHash, password))) {
    await recordFailure(record.email, ip);
    throw new AppError(403, msg("account.wrongPassword"), { password: [msg("account.wrongPassword")] });
  }
  const [classes, decks] = await Promise.all([db.class.count({ where: { ownerId: userId } }), db.deck.count({ where: { ownerId: userId } })]);
  if (classes + decks > 0) throw conflict(msg("account.stillOwns", { classes, decks }));
  await writeTransaction(async (tx) => {
    await tx.classMember.deleteMany({ where: { userId } });
    await tx.exam.deleteMany({ where: { userId } });
    await tx.problemReport.deleteMany({ where: { userId } });
    await tx.deckEditor.deleteMany({ where: { userId } });
    await tx.loginFailure.deleteMany({ where: { key: `email:${record.email}` } });
    await tx.user.delete({ where: { id: userId }, select: { id: true } });
  });
}
