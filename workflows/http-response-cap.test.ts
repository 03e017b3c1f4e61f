import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../integrations/runtime/testing/loopback-server";
import { newUser } from "../server/testing/users";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";

/**
 * core.http_request against a server that never stops sending: the step fails as ResponseTooLarge once 10 MB
 * have arrived, and the worker stops reading (it used to read the whole body before checking its size).
 */
let alice: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
let endless: Awaited<ReturnType<typeof startServer>>;
let declared: Awaited<ReturnType<typeof startServer>>;
let sentBytes = 0;

beforeAll(async () => {
  alice = await newUser("Alice");
  worker = await startTestWorker();
  const chunk = Buffer.alloc(256 * 1024, "x");
  endless = await startServer((_req, res) => {
    res.setHeader("content-type", "text/plain");
    // No Content-Length: chunks until the client goes away (or 1 GB, so a broken client cannot hang the test).
    const pump = () => {
      while (sentBytes < 1024 ** 3 && !res.destroyed) {
        sentBytes += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  });
  declared = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/plain", "content-length": String(500 * 1024 * 1024) });
    res.write("only a little");
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await endless?.close();
  await declared?.close();
});

async function runCall(url: string) {
  const { workspaceId, workflowId } = await publishGraph(alice, { schemaVersion: 1, nodes: [g.trigger(), g.http("call", { url }, { retry: { maxAttempts: 1 } })], edges: g.chain("start", "call") });
  return waitForRun(alice, (await alice.caller.run.start({ workspaceId, workflowId })).runId, 90_000);
}

describe("core.http_request's response limit", () => {
  it("stops reading an endless response at 10 MB and fails the step, naming the limit", async () => {
    const run = await runCall(`http://127.0.0.1:${endless.port}/`);
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain("Response above 10485760 bytes");
    // It hung up soon after the limit: far less than the 1 GB the server would have sent.
    expect(sentBytes).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it("refuses a response whose Content-Length is over the limit without reading it", async () => {
    const run = await runCall(`http://127.0.0.1:${declared.port}/`);
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain("Response above 10485760 bytes");
  }, 120_000);
});
