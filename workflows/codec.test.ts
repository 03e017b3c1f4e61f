import { Connection } from "@temporalio/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../server/testing/users";
import { EncryptionCodec, ENCRYPTED_ENCODING } from "./codec";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";

let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;

beforeAll(async () => {
  user = await newUser("Secretive");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("payload encryption", () => {
  it("round-trips and refuses a tampered payload", async () => {
    const codec = new EncryptionCodec(Buffer.alloc(32, 1));
    const payload = { metadata: { encoding: new TextEncoder().encode("json/plain") }, data: new TextEncoder().encode('{"a":1}') };
    const [sealed] = await codec.encode([payload]);
    expect(new TextDecoder().decode(sealed!.metadata!.encoding!)).toBe(ENCRYPTED_ENCODING);
    expect(await codec.decode([sealed!])).toEqual([payload]);
    sealed!.data![40]! ^= 1;
    await expect(codec.decode([sealed!])).rejects.toThrow();
  });

  it("keeps run input, outputs and failure messages out of Temporal's history", async () => {
    const secret = "hunter2-plaintext-canary";
    const nodes = [g.trigger(), g.set("echo", { copy: "{{ trigger.body.password }}" }), g.fail("leak", { message: "failed with {{ trigger.body.password }}" }, { retry: { maxAttempts: 1 } })];
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes, edges: g.chain("start", "echo", "leak") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId, input: { password: secret } });
    const run = await waitForRun(user, runId);
    expect(run.steps[0]!.output).toEqual({ copy: secret }); // the run view (Postgres) has it; Temporal must not
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    try {
      const raw = await connection.workflowService.getWorkflowExecutionHistory({ namespace: "default", execution: { workflowId: runId } });
      const bytes = Buffer.from(JSON.stringify(raw.history));
      const json = JSON.stringify(raw.history, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("latin1") : v));
      expect(raw.history!.events!.length).toBeGreaterThan(5);
      expect(bytes.includes(secret)).toBe(false);
      expect(json.includes(secret)).toBe(false);
      expect(json.includes("failed with")).toBe(false);
    } finally {
      await connection.close();
    }
  });
});
