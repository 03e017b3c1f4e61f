// Next.js calls register() once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  // Accepted webhook deliveries that a previous process never started are started by this one (server/triggers/webhook/relay.ts).
  const [{ getDb }, { ensureRelay }] = await Promise.all([import("./db/client"), import("./server/triggers/webhook/relay")]);
  ensureRelay(getDb());
}
