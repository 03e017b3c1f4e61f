/**
 * A signed-in user's page during a sign-in flood: p50/p95 of GET /w/<workspace> (the workflows list, rendered by
 * `next start` behind the edge, as `npm start` serves it) idle, then while FLOOD_CONNECTIONS (default 200)
 * keep-alive connections post wrong passwords to the credentials sign-in as fast as they are answered. Each flood
 * connection comes from its own loopback address and guesses a new email every time, so no per-address or
 * per-account limit steps in: what holds the page up is the password hashing queue alone, and the edge admitting
 * only as many sign-ins as it holds (the worst case, a botnet stuffing credentials). Goal: p95 during the flood ≤ 2× idle. Also prints the flood's answers by status,
 * and the load average, which on a shared machine says how much the figures are worth.
 *   bash scripts/node.sh bench/sign-in-flood.ts
 * Env: FLOOD_CONNECTIONS=200  PAGE_REQUESTS=60  WARMUP_S=5. To see the flood without the queue's cap:
 *   JUNCTION_PASSWORD_HASH_SLOTS=64 JUNCTION_PASSWORD_HASH_QUEUE=10000 bash scripts/node.sh bench/sign-in-flood.ts
 */
import http from "node:http";
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { ms, pct, startEditorApp } from "./lib/editor-app";

const FLOOD_CONNECTIONS = Number(process.env.FLOOD_CONNECTIONS ?? 200);
const PAGE_REQUESTS = Number(process.env.PAGE_REQUESTS ?? 60);
const WARMUP_S = Number(process.env.WARMUP_S ?? 5);
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
function send(url: URL, opts: { agent?: http.Agent; localAddress?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", agent: opts.agent, localAddress: opts.localAddress, headers: { ...opts.headers, ...(opts.body ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const app = await startEditorApp("sign-in-flood", say);
try {
  const base = new URL(app.baseUrl);
  const user = await app.user("Page Reader");
  const page = new URL(`/w/${user.personalWorkspaceId}`, base);
  const cookie = `${user.cookie.name}=${user.cookie.value}`;
  const pageAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const pageFailures: string[] = [];
  async function pageTimes(n: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const res = await send(page, { agent: pageAgent, headers: { cookie } });
      // A failed page is counted, not timed: a fast 500 is no fast page.
      if (res.status === 200) times.push(performance.now() - t);
      else pageFailures.push(String(res.status));
    }
    return times;
  }

  await pageTimes(10); // warm-up: compile caches, connection pool
  const idle = await pageTimes(PAGE_REQUESTS);
  const idleLoad = load();
  say(`idle: page p50 ${ms(pct(idle, 50))}, p95 ${ms(pct(idle, 95))} (${PAGE_REQUESTS} requests; load ${idleLoad})`);

  // The flood: each connection its own source address and keep-alive socket, one attempt in flight at a time.
  const statuses = new Map<string, number>();
  let flooding = true;
  let attempts = 0;
  const signIn = new URL("/api/auth/callback/credentials", base);
  async function floodConnection(i: number) {
    const localAddress = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const csrf = await send(new URL("/api/auth/csrf", base), { agent, localAddress });
    const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
    const csrfCookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    for (let n = 0; flooding; n++) {
      const body = new URLSearchParams({ email: `stuffed-${i}-${n}@example.com`, password: "Winter2026!", csrfToken: token, callbackUrl: app.baseUrl, json: "true" }).toString();
      const res = await send(signIn, { agent, localAddress, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base.origin }, body }).catch((e: Error) => ({ status: 0, headers: {}, body: e.message }));
      attempts++;
      const key = res.status === 0 ? `error ${res.body}` : String(res.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    agent.destroy();
  }
  const flood = Promise.all(Array.from({ length: FLOOD_CONNECTIONS }, (_, i) => floodConnection(i)));
  await sleep(WARMUP_S * 1000);
  const started = performance.now();
  const attemptsBefore = attempts;
  const during = await pageTimes(PAGE_REQUESTS);
  const rate = ((attempts - attemptsBefore) / ((performance.now() - started) / 1000)).toFixed(0);
  const floodLoad = load();
  flooding = false;
  await flood;
  pageAgent.destroy();

  const ratio = pct(during, 95) / pct(idle, 95);
  say(`during a ${FLOOD_CONNECTIONS}-connection sign-in flood (${rate} attempts/s): page p50 ${ms(pct(during, 50))}, p95 ${ms(pct(during, 95))} (load ${floodLoad})`);
  if (pageFailures.length) say(`page requests that failed during the flood: ${pageFailures.length} (${pageFailures.join(", ")})`);
  say(`flood answers by status: ${[...statuses].sort().map(([k, v]) => `${k}: ${v}`).join(", ")}`);
  say(`p95 during / idle: ${ratio.toFixed(2)}× (goal ≤ 2×: ${ratio <= 2 ? "met" : "missed"})`);
} finally {
  await app.stop();
}
