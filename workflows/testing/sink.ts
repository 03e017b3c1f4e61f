import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP server standing in for a third party that honours Idempotency-Key: it counts every call and
 * every distinct key, and answers a repeated key with the first answer. `delayMs` holds each new call open, so a
 * test can crash something while a step is in flight; `maxInFlight` is the most calls it ever held open at once.
 */
export async function startSink(delayMs = 0) {
  const keys = new Map<string, number>();
  let total = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    total += 1;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on("close", () => (inFlight -= 1));
    const key = String(req.headers["idempotency-key"] ?? "");
    const seen = keys.has(key);
    keys.set(key, (keys.get(key) ?? 0) + 1);
    req.resume();
    const answer = () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ key, replayed: seen }));
    if (seen || delayMs === 0) answer();
    else setTimeout(answer, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    distinctKeys: () => [...keys.keys()].sort(),
    totalCalls: () => total,
    maxInFlight: () => maxInFlight,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
}
