import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { integrations } from "../db/schema";
import { newUser } from "../server/testing/users";
import { installationStore } from "./activities/capabilities";
import { g, publishGraph, startTestWorker, waitForRun } from "./testing/harness";

/**
 * A step's output, log lines and error may hold strings Postgres cannot store (U+0000, lone surrogates): the
 * worker records them exactly (db/json/storable.ts, through the run_steps columns), instead of failing the
 * recording with a database error that fails the step.
 */
let user: Awaited<ReturnType<typeof newUser>>;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
const code = (id: string, source: string) => ({ id, kind: "action" as const, action: { integration: "code", version: "1.0.0", key: "run_code" }, input: { code: source, inputs: {} }, settings: { retry: { maxAttempts: 1 } } });

beforeAll(async () => {
  user = await newUser("Storable Steps");
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("step records Postgres cannot store as they are", () => {
  it("a step whose output and log hold \\u0000 and a lone surrogate is recorded exactly, not failed by a database error", async () => {
    const nodes = [
      code("make", `log.info("line" + String.fromCharCode(0)); return { s: "a" + String.fromCharCode(0) + "b", lone: String.fromCharCode(0xd800) };`),
      code("fail", `throw new Error("bad" + String.fromCharCode(0) + "input");`),
    ];
    const { workspaceId, workflowId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger(), ...nodes], edges: g.chain("start", "make", "fail") });
    const { runId } = await user.caller.run.start({ workspaceId, workflowId, input: {} });
    const run = await waitForRun(user, runId, 90_000);
    const make = run.steps.find((s) => s.stepKey === "make")!;
    expect(make.status).toBe("succeeded");
    expect(make.output).toEqual({ result: { s: "a\u0000b", lone: "\ud800" } });
    expect(make.logs).toEqual([expect.objectContaining({ message: "line\u0000" })]);
    // The failing step fails for its own reason, recorded with it.
    const fail = run.steps.find((s) => s.stepKey === "fail")!;
    expect(fail.status).toBe("failed");
    expect((fail.error as { message: string }).message).toContain("bad\u0000input");
    expect(run.status).toBe("failed");
  });

  it("a ctx.store value holding \\u0000 and a lone surrogate is kept exactly, not refused by the database", async () => {
    const [code] = await getDb().select({ id: integrations.id }).from(integrations).where(eq(integrations.slug, "code"));
    const store = installationStore(getDb(), { workspaceId: user.personalWorkspaceId, integrationId: code!.id });
    await store.set("k", { s: "a\u0000b", ["key\u0000"]: ["\udc00"] });
    expect(await store.get("k")).toEqual({ s: "a\u0000b", ["key\u0000"]: ["\udc00"] });
    // A JSON string value reads back as that string, not as the JSON its text happens to spell.
    for (const text of ["42", "[1]", "true", "\u0000", "not json"]) {
      await store.set("s", text);
      expect(await store.get("s")).toBe(text);
    }
  });
});
