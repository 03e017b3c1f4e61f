import { Client, Connection } from "@temporalio/client";
import { NativeConnection } from "@temporalio/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "./health";
import { ping } from "../../workflows/ping";
import { clientDataConverter } from "../../workflows/data-converter";
import { createWorker } from "../../workflows/worker";

// Real Temporal dev server (started by `npm test`), a task queue of this file's own.
const address = process.env.TEMPORAL_ADDRESS!;
const taskQueue = `test-worker-${crypto.randomUUID()}`;
let connection: Connection;
let native: NativeConnection;

beforeAll(async () => {
  process.env.TEMPORAL_TASK_QUEUE = taskQueue;
  connection = await Connection.connect({ address });
  native = await NativeConnection.connect({ address });
});

afterAll(async () => {
  await connection?.close();
  await native?.close();
});

describe("health and the worker", () => {
  it("reports no worker before one polls, then executes a workflow and shows up in health", async () => {
    const before = await checkHealth();
    expect(before.checks.postgres.ok).toBe(true);
    expect(before.checks.temporal.ok).toBe(true);
    expect(before.checks.worker).toMatchObject({ ok: false, detail: `no worker is polling task queue "${taskQueue}"` });

    const worker = await createWorker({ connection: native, namespace: "default", taskQueue });
    const client = new Client({ connection, dataConverter: clientDataConverter() });
    await worker.runUntil(async () => {
      const result = await client.workflow.execute(ping, { taskQueue, workflowId: `ping-${crypto.randomUUID()}`, args: ["hello"] });
      expect(result).toBe("pong: hello");
      const during = await checkHealth();
      expect(during.status).toBe("ok");
      expect(during.checks.worker.ok).toBe(true);
    });
  }, 120_000);
});
