/**
 * Whether a database error means Postgres is away for now (a restart, a failover, no connection to be had), as
 * opposed to a statement that will fail the same way every time. Callers answering a sender use it to choose
 * between "retry later" (503) and an answer that says what is wrong with the request: a delivery that can never be
 * stored must not be told to come back forever.
 */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);
// SQLSTATE: connection exceptions (08), shutdown/cannot connect now (57P01–57P03), too many connections and
// out-of-resources (53xxx), serialization failures and deadlocks (40001, 40P01), which a retry resolves.
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]$|40001$|40P01$)/;
// node-postgres reports a lost or unobtainable connection by message only.
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  // Bounded: a cause chain is normally two or three links (DrizzleQueryError → pg error).
  for (let i = 0; i < 8 && e && typeof e === "object"; i++, e = e.cause as typeof e) {
    if (typeof e.code === "string" && (NODE_CODES.has(e.code) || TRANSIENT_SQLSTATE.test(e.code))) return true;
    if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/** The SQLSTATE of a database error (drizzle wraps pg's error as `cause`), or undefined. */
export function sqlStateOf(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i < 8 && e && typeof e === "object"; i++, e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
