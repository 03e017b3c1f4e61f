import { inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { signInAttempts } from "../../db/schema";
import { sourceKeyOf } from "../http/client-address";

/**
 * Sign-in attempts are counted on three keys (docs/security.md, "Sign-in limits"):
 * - pair: one source guessing one account. Tight, and only this source waits: the owner signing in from
 *   elsewhere is not locked out by someone else's guesses.
 * - account: every source, one account. Loose; stops a guess spread over many addresses.
 * - source: one source, every account. Loose (offices share an address); stops spraying one password over many.
 * Past its free attempts a key waits FIRST_WAIT_MS, doubling per further attempt up to MAX_WAIT_MS; an hour
 * without attempts starts it afresh.
 */
export const FREE_ATTEMPTS = { pair: 5, account: 100, source: 100 } as const;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const RESET_AFTER_MS = 60 * 60_000;

export type AttemptKeys = { pair: string; account: string; source: string };

/** The keys one attempt counts on. The source is the address, or an IPv6 sender's /64. */
export function attemptKeys(email: string, address: string | null): AttemptKeys {
  const source = sourceKeyOf(address);
  return { pair: `pair:${email} ${source}`, account: `account:${email}`, source: `source:${source}` };
}

export function waitAfter(attempts: number, free: number): number {
  if (attempts < free) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (attempts - free));
}

// The same rule in SQL, evaluated on the row under its lock.
const t = signInAttempts;
const waitSql = sql`least(${MAX_WAIT_MS}::float8, ${FIRST_WAIT_MS}::float8 * power(2, greatest(${t.attempts} - ${t.freeAttempts}, 0))) * interval '1 millisecond'`;
const stale = sql`${t.lastAttemptAt} < now() - ${RESET_AFTER_MS}::float8 * interval '1 millisecond'`;

export type Claim = { ok: true; keys: AttemptKeys } | { ok: false; retryAfterMs: number };

/**
 * Counts one attempt on all three keys before the password is checked, in one statement: each key's row is
 * locked by the upsert, so of forty parallel guesses exactly the free ones get through, on any number of web
 * processes. A key past its limit is not counted; when any key refuses, the others are given back, so guesses at
 * an account the attacker is already blocked on do not add to the account's own count.
 */
export async function claimAttempt(db: Database, keys: AttemptKeys): Promise<Claim> {
  const rows = (["pair", "account", "source"] as const).map((k) => ({ key: keys[k], attempts: 1, freeAttempts: FREE_ATTEMPTS[k] }));
  const counted = await db
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({
      target: t.key,
      set: {
        attempts: sql`case when ${stale} then 1 else ${t.attempts} + 1 end`,
        freeAttempts: sql`excluded.free_attempts`,
        lastAttemptAt: sql`now()`,
      },
      setWhere: sql`${stale} or ${t.attempts} < ${t.freeAttempts} or ${t.lastAttemptAt} + ${waitSql} <= now()`,
    })
    .returning({ key: t.key });
  sweepSometimes(db);
  if (counted.length === rows.length) return { ok: true, keys };
  await giveBack(db, counted.map((r) => r.key));
  return { ok: false, retryAfterMs: await remainingWait(db, keys) };
}

/** The longest wait among the keys, for the message and Retry-After. */
async function remainingWait(db: Database, keys: AttemptKeys): Promise<number> {
  const [row] = await db
    .select({ ms: sql<number>`coalesce(max(extract(epoch from (${t.lastAttemptAt} + ${waitSql} - now())) * 1000), 0)::float8` })
    .from(t)
    .where(sql`${inArray(t.key, Object.values(keys))} and not ${stale}`);
  return Math.max(1000, Math.ceil(row?.ms ?? 0));
}

async function giveBack(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.update(t).set({ attempts: sql`greatest(${t.attempts} - 1, 0)` }).where(inArray(t.key, keys));
}

/** The attempt never reached the password check (hashing was busy): it does not count. */
export async function cancelAttempt(db: Database, keys: AttemptKeys): Promise<void> {
  await giveBack(db, Object.values(keys));
}

/** Right password: this source's guesses at the account are forgiven; a success is no failure on the others. */
export async function attemptSucceeded(db: Database, keys: AttemptKeys): Promise<void> {
  await db.delete(t).where(inArray(t.key, [keys.pair]));
  await giveBack(db, [keys.account, keys.source]);
}

// Rows an hour old count for nothing; delete them now and then rather than on every attempt.
let lastSweep = 0;
function sweepSometimes(db: Database): void {
  if (Date.now() - lastSweep < 10 * 60_000) return;
  lastSweep = Date.now();
  void db
    .delete(t)
    .where(lt(t.lastAttemptAt, new Date(Date.now() - RESET_AFTER_MS)))
    .catch(() => {}); // best effort: the next sweep tries again, and stale rows are ignored meanwhile
}
