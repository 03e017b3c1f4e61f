import { Agent, request } from "node:http";
import { ackTally, type AckResult } from "./ack-tally";

/**
 * An open-loop load generator: request i is due at start + i / rate, whatever happened to the ones before, over
 * at most `connections` keep-alive sockets. autocannon's `overallRate` is not this: each of its connections sends
 * its per-second quota back to back when its one-second timer fires, so "200 req/s" arrives as a burst of 200 at
 * the top of every second. Latency here is measured from the moment a request was due (so a stalled server is not
 * hidden by sending later: no coordinated omission).
 */
export async function openLoop(
  url: string,
  opts: { rate: number; durationS: number; connections: number; makeRequest: () => { body: string; headers: Record<string, string> } },
): Promise<AckResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const target = new URL(url);
  const total = Math.round(opts.rate * opts.durationS);
  const tally = ackTally();
  let errors = 0;
  const start = performance.now();
  const sends: Promise<void>[] = [];
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const { body, headers } = opts.makeRequest();
      const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on("end", () => {
          tally.answer(res.statusCode ?? 0, performance.now() - due);
          resolve();
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  let next = 0;
  while (next < total) {
    const now = performance.now() - start;
    while (next < total && (next * 1000) / opts.rate <= now) sends.push(send(start + (next++ * 1000) / opts.rate));
    if (next < total) await new Promise((r) => setTimeout(r, Math.max(0, (next * 1000) / opts.rate - (performance.now() - start))));
  }
  await Promise.all(sends);
  agent.destroy();
  return tally.result(errors, opts.durationS);
}
