// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  // Behind the edge (`npm start`, the e2e stage) the edge accepts the deliveries and runs the sweeper; a second one here
  // would only double the polling. `next dev` has no edge: this process accepts deliveries, so it sweeps.
  if (process.env.JUNCTION_BEHIND_EDGE === "1") return;
  // Accepted webhook deliveries that a previous process never started are started by this one (server/triggers/webhook/relay.ts).
  const [{ getDb }, { ensureRelay }] = await Promise.all([import("./db/client"), import("./server/triggers/webhook/relay")]);
  ensureRelay(getDb());
}
