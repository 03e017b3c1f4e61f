import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { createSandboxHost, type SandboxHost } from "../integrations/runtime";
import { newUser } from "../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";
import { installProbe, probeNode, storeProbe } from "./testing/probe";

/**
 * Which failed steps are retried, in real runs: Temporal, Postgres, the sandbox, the official Code and HTTP
 * Request integrations and the probe, against loopback services. Every step allows 3 attempts; a failure that
 * cannot pass on a second attempt must use one.
 */
type User = Awaited<ReturnType<typeof newUser>>;
let alice: User;
let sandbox: SandboxHost;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let service: Server;
let serviceUrl: string;
/** Requests seen per path, so each path can fail its first requests and then answer. */
const seen = new Map<string, number>();

beforeAll(async () => {
  alice = await newUser("Retries");
  await installProbe(getDb(), alice.personalWorkspaceId, await storeProbe(getDb()));
  service = createServer((req, res) => {
    const path = req.url ?? "/";
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    if (path.startsWith("/unavailable") && n === 1) {
      res.writeHead(503, { "retry-after": "1", "content-type": "text/plain" });
      return void res.end("down for a moment");
    }
    // The connection dies before any response: the client sees ECONNRESET ("socket hang up").
    if (path.startsWith("/reset") && n === 1) return void req.socket.destroy();
    if (path.startsWith("/missing")) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("no such thing");
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, attempt: n }));
  });
  await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  sandbox = createSandboxHost({ allowLoopbackForTests: true, processes: 1 });
  worker = await startTestWorker({ deps: { db: getDb(), sandbox } });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await sandbox?.close();
  await new Promise((resolve) => service?.close(resolve));
});

const threeAttempts = { settings: { retry: { maxAttempts: 3, initialIntervalMs: 100 } } };
const official = (integration: string, version: string, id: string, key: string, input: Record<string, unknown>) => ({
  id,
  kind: "action" as const,
  action: { integration, version, key },
  input,
  ...threeAttempts,
});
const httpStep = (id: string, url: string) => official("http-request", "1.2.0", id, "send_request", { url });

async function run(nodes: { id: string }[]) {
  const { workspaceId, workflowId } = await publishGraph(alice, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges: g.chain("start", ...nodes.map((n) => n.id)) });
  const { runId } = await alice.caller.run.start({ workspaceId, workflowId, input: {} });
  return waitForRun(alice, runId, 90_000);
}
type Run = Awaited<ReturnType<typeof run>>;
const attempts = (r: Run, key: string) => r.steps.filter((s) => s.stepKey === key).sort((a, b) => a.attempt - b.attempt);
const classification = (s: Run["steps"][number]) => ({ category: s.errorCategory, retryable: s.errorRetryable, reason: s.errorReason });

describe("failures that cannot pass on a second attempt are not retried", () => {
  it("a Code step that throws is attempted once, recorded as user code and not retryable", async () => {
    const r = await run([official("code", "1.0.0", "code", "run_code", { code: "throw new Error('boom')" })]);
    expect(r.status).toBe("failed");
    const tries = attempts(r, "code");
    expect(tries).toHaveLength(1);
    expect(tries[0]!.error).toMatchObject({ type: "CodeRuntimeError", message: expect.stringContaining("boom") });
    expect(classification(tries[0]!)).toEqual({ category: "user_code", retryable: false, reason: "the step's code threw an error" });
  });

  it("an HTTP Request to a host name that does not resolve (.invalid) is attempted once", async () => {
    const r = await run([httpStep("call", "http://nowhere.invalid/thing")]);
    expect(r.status).toBe("failed");
    const tries = attempts(r, "call");
    expect(tries).toHaveLength(1);
    expect(tries[0]!.error).toMatchObject({ message: expect.stringContaining("nowhere.invalid") });
    expect(classification(tries[0]!)).toEqual({ category: "network_permanent", retryable: false, reason: "the host name does not resolve" });
  });

  it("an HTTP Request answered 404 is attempted once", async () => {
    const r = await run([httpStep("call", `${serviceUrl}/missing`)]);
    const tries = attempts(r, "call");
    expect(tries).toHaveLength(1);
    expect(classification(tries[0]!)).toEqual({ category: "upstream_4xx", retryable: false, reason: "the service answered 404" });
  });

  it("an HTTP Request with invalid input is attempted once, as a validation error", async () => {
    // A literal ftp:// URL is refused when the draft is saved; one that a template yields reaches the run.
    const r = await run([official("http-request", "1.2.0", "call", "send_request", { url: "{{ 'ftp://example.com/' }}" })]);
    const tries = attempts(r, "call");
    expect(tries).toHaveLength(1);
    expect(tries[0]!.error).toMatchObject({ type: "InputValidationError" });
    expect(classification(tries[0]!)).toMatchObject({ category: "validation", retryable: false });
  });
});

describe("failures that may pass are retried", () => {
  it("a service answering 503 (Retry-After: 1) and then 200 is retried, after the delay it asked for, and the step succeeds", async () => {
    const r = await run([httpStep("call", `${serviceUrl}/unavailable-${crypto.randomUUID()}`)]);
    expect(r.status).toBe("succeeded");
    const tries = attempts(r, "call");
    expect(tries.map((t) => t.status)).toEqual(["failed", "succeeded"]);
    expect(classification(tries[0]!)).toEqual({ category: "upstream_5xx", retryable: true, reason: "the service answered 503" });
    // The step's own backoff is 100 ms; the second attempt waited the second the service asked for.
    const waited = new Date(tries[1]!.startedAt).getTime() - new Date(tries[0]!.finishedAt!).getTime();
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it("a connection the service resets is retried and the step succeeds", async () => {
    const r = await run([httpStep("call", `${serviceUrl}/reset-${crypto.randomUUID()}`)]);
    expect(r.status).toBe("succeeded");
    const tries = attempts(r, "call");
    expect(tries.map((t) => t.status)).toEqual(["failed", "succeeded"]);
    expect(classification(tries[0]!)).toEqual({ category: "network_transient", retryable: true, reason: "connection reset" });
  });

  it("an action that throws the SDK's RetryableError is retried until it succeeds", async () => {
    const r = await run([probeNode("flaky", "flaky", { succeedOn: 3 }, threeAttempts)]);
    expect(r.status).toBe("succeeded");
    const tries = attempts(r, "flaky");
    expect(tries.map((t) => t.status)).toEqual(["failed", "failed", "succeeded"]);
    expect(tries[2]!.output).toEqual({ attempt: 3 });
    expect(classification(tries[0]!)).toEqual({ category: "declared_retryable", retryable: true, reason: "the action marked its RetryableError retryable" });
  });
});
