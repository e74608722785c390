import { UsageError, printJson } from "../run-command";

const USAGE = "usage: users promote <email> | users demote <email>";

/** `deepdrill users promote <email>` makes an instructor; `demote` makes a student again. */
export async function run(args: string[]): Promise<number> {
  const [action, email] = args;
  if ((action !== "promote" && action !== "demote") || !email) throw new UsageError(USAGE);
  const { setRole } = await import("../../server/accounts/users");
  const { AppError } = await import("../../server-shared/errors");
  try {
    const user = await setRole(email, action === "promote" ? "instructor" : "student");
    printJson({ email: user.email, role: user.role });
    return 0;
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
}
