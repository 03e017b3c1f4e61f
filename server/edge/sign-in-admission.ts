import type { IncomingMessage, ServerResponse } from "node:http";
import { callerOf } from "./client";
import type { BlockList } from "node:net";

const RETRY_AFTER_S = 2;
// A refusal is held this long before it is sent (a tarpit): a flood's connections then ask at most once a second
// each, instead of as fast as the edge can refuse, which took the cores signed-in pages need. Holding an idle
// socket costs nothing; a person refused here was going to wait anyway.
const REFUSAL_DELAY_MS = 1000;
export const SIGN_IN_BUSY = `Junction is checking many passwords right now. Try again in ${RETRY_AFTER_S} seconds.`;

const isSignIn = (req: IncomingMessage) => req.method === "POST" && (req.url ?? "").split("?")[0] === "/api/auth/callback/credentials";

/**
 * Admits at most `limit` credential sign-ins to `next start` at once (the web process's hashing slots plus its
 * queue, server/auth/hashing-queue.ts) and answers the rest itself: 429, Retry-After, and the JSON next-auth's
 * sign-in form reads its message from. Refusing here costs the edge microseconds; letting a flood through would
 * cost Next.js a request's CPU and the database a query per attempt, which is what slowed everyone else's pages
 * (bench/sign-in-flood.ts). The web process's own queue still guards `next dev` and sign-ups.
 */
export function signInAdmission(limit: number, trusted: BlockList | null) {
  let inFlight = 0;
  return function admit(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isSignIn(req)) return true;
    if (inFlight < limit) {
      inFlight++;
      res.once("close", () => inFlight--);
      return true;
    }
    const caller = callerOf(req, trusted);
    const url = `${caller.proto}://${caller.host ?? "localhost"}/api/auth/error?${new URLSearchParams({ error: SIGN_IN_BUSY })}`;
    const body = JSON.stringify({ url, error: SIGN_IN_BUSY });
    req.resume(); // the form body is small; read and drop it so the connection stays usable
    const timer = setTimeout(() => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(RETRY_AFTER_S), "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
      res.end(body);
    }, REFUSAL_DELAY_MS);
    res.once("close", () => clearTimeout(timer));
    return false;
  };
}
