import { expect, test } from "@playwright/test";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// The operator's view of the running production build: health, metrics and request ids.

test("health reports Postgres, Temporal and a polling worker", async ({ request }) => {
  await expect
    .poll(async () => (await (await request.get("/api/health")).json()) as { status: string; checks: Record<string, { ok: boolean }> }, { timeout: 30_000 })
    .toMatchObject({ status: "ok", checks: { postgres: { ok: true }, temporal: { ok: true }, worker: { ok: true } } });
});

test("metrics are Prometheus text for the METRICS_TOKEN bearer and count tRPC calls by procedure", async ({ request }) => {
  const call = await request.get("/api/trpc/auth.providers");
  expect(call.ok()).toBe(true);
  expect(call.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // Closed without the operator's token (docs/security.md): 401 with a message, not the figures.
  const refused = await request.get("/api/metrics");
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: string }).error).toContain("METRICS_TOKEN");
  const res = await request.get("/api/metrics", { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  const text = await res.text();
  expect(text).toContain("# TYPE junction_process_cpu_seconds_total counter");
  // Label order is prom-client's business; check the labels, not their order.
  const counts = text.split("\n").filter((line) => line.startsWith("junction_trpc_call_duration_seconds_count{"));
  const providers = counts.find((line) => ['path="auth.providers"', 'type="query"', 'outcome="ok"', 'service="web"'].every((label) => line.includes(label)));
  expect(providers, counts.join("\n")).toBeDefined();
  expect(Number(providers!.split(" ").at(-1))).toBeGreaterThanOrEqual(1);
});

test("an API error names its request id and carries no stack trace", async ({ request }) => {
  const res = await request.post("/api/trpc/workspace.create", { data: { json: { name: "x" } }, headers: { ...OWN_PAGE_HEADERS, "x-request-id": "e2e-trace-0001" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["x-request-id"]).toBe("e2e-trace-0001");
  const body = JSON.stringify(await res.json());
  expect(body).toContain("Sign in to continue.");
  expect(body).not.toMatch(/\bat .*\.(js|ts):\d+/);
});
