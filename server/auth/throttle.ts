import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { signInFailures } from "../../db/schema";

// Five free attempts, then each further failure doubles the wait, up to 15 minutes. A quiet hour resets it.
const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;
const RESET_AFTER_MS = 60 * 60_000;

export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Milliseconds the caller must still wait before another attempt for this email (0 = go ahead). */
export async function remainingWait(db: Database, email: string, now = Date.now()): Promise<number> {
  const row = await db.query.signInFailures.findFirst({ where: eq(signInFailures.email, email) });
  if (!row) return 0;
  const since = now - row.lastFailureAt.getTime();
  if (since > RESET_AFTER_MS) return 0;
  return Math.max(0, waitAfter(row.failures) - since);
}

export async function recordFailure(db: Database, email: string): Promise<void> {
  const resetBefore = new Date(Date.now() - RESET_AFTER_MS);
  await db
    .insert(signInFailures)
    .values({ email, failures: 1 })
    .onConflictDoUpdate({
      target: signInFailures.email,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < ${resetBefore} then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: sql`now()`,
      },
    });
}

export async function clearFailures(db: Database, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
