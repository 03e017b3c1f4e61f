/**
 * Security corpus, part 4: values nested deep enough to overflow a recursive parser, serializer or renderer, and
 * sandbox processes that break the protocol. Each fails its own execution with a clear, non-retryable error;
 * the host (the worker) never throws and runs the next action.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_JSON_LIMITS } from "../../../db/json";
import { SandboxLimitError, SandboxProtocolError } from "../errors";
import { createSandboxHost } from "../host";
import { resolveLimits } from "../limits";
import { SandboxProcess } from "../process/sandbox-process";
import { bundleOf } from "../testing/bundles";
import { CANARY, expectHostAlive, failure, requestFor } from "../testing/harness";
import type { Capabilities, LogLevel } from "../types";

const host = createSandboxHost({ processes: 1 });
afterAll(() => host.close());

const nest = (kind: "object" | "array") =>
  kind === "object"
    ? "(ctx) => { let o = {}; let p = o; for (let i = 1; i < ctx.input.depth; i++) { p.a = {}; p = p.a } return o }"
    : "(ctx) => { let o = []; let p = o; for (let i = 1; i < ctx.input.depth; i++) { const c = []; p.push(c); p = c } return o }";
const kit = bundleOf({
  canary: CANARY,
  deepObject: nest("object"),
  deepArray: nest("array"),
  storeDeep: "async (ctx) => { let o = {}; let p = o; for (let i = 1; i < 3000; i++) { p.a = {}; p = p.a } await ctx.store.set('k', o); return 'stored' }",
  logDeep: "(ctx) => { let o = []; let p = o; for (let i = 1; i < 3000; i++) { const c = []; p.push(c); p = c } ctx.log.info('deep', o); ctx.log.info('shallow', { a: [1] }); return 'logged' }",
  atLimit: nest("object"),
});
const limits = { cpuMs: 5_000, wallMs: 10_000, heapMb: 64 };
const deepest = DEFAULT_JSON_LIMITS.maxDepth;

describe("deep values from an action", () => {
  it("an output of objects nested 3000 deep fails at once, non-retryable, with \"output nested deeper than 128 levels\"; the host lives", async () => {
    const error = await failure(host.execute(requestFor(kit, "deepObject", { input: { depth: 3000 }, limits })), SandboxLimitError);
    expect(error).toMatchObject({ limit: "depth", retryable: false });
    expect(error.message).toContain(`output nested deeper than ${deepest} levels`);
    await expectHostAlive(host, kit);
  });

  it("outputs of arrays nested 5000 and 200,000 deep fail the same way (the guest's own JSON.stringify gives up on the second)", async () => {
    for (const depth of [5000, 200_000]) {
      const error = await failure(host.execute(requestFor(kit, "deepArray", { input: { depth }, limits })), SandboxLimitError);
      expect(error.message).toContain(`output nested deeper than ${deepest} levels`);
    }
    await expectHostAlive(host, kit);
  });

  it("an output exactly at the depth limit passes", async () => {
    const result = await host.execute(requestFor(kit, "atLimit", { input: { depth: deepest }, limits }));
    let depth = 0;
    for (let p = result.output as { a?: unknown } | undefined; p; p = p.a as typeof p) depth++;
    expect(depth).toBe(deepest);
  });

  it("ctx.store.set of a value nested 3000 deep fails the execution, non-retryable, and stores nothing", async () => {
    const stored = new Map<string, unknown>();
    const store: Capabilities["store"] = { get: (k) => stored.get(k), set: (k, v) => void stored.set(k, v), delete: (k) => void stored.delete(k) };
    const error = await failure(host.execute(requestFor(kit, "storeDeep", { limits, capabilities: { store } })), SandboxLimitError);
    expect(error.message).toContain(`ctx.store value nested deeper than ${deepest} levels`);
    expect(stored.size).toBe(0);
  });

  it("ctx.log data nested 3000 deep is logged with a marker in its place, like data too large", async () => {
    const lines: [LogLevel, string, unknown][] = [];
    const result = await host.execute(requestFor(kit, "logDeep", { limits, capabilities: { log: (level, message, data) => lines.push([level, message, data]) } }));
    expect(result.output).toBe("logged");
    expect(lines).toEqual([["info", "deep", `[data nested deeper than ${deepest} levels]`], ["info", "shallow", { a: [1] }]]);
  });
});

describe("a sandbox process that breaks the protocol", () => {
  const HOSTILE = fileURLToPath(new URL("../testing/hostile-child.ts", import.meta.url));
  const json = { ...DEFAULT_JSON_LIMITS };
  const start = () => new SandboxProcess({ allowLoopback: false, remoteResolver: false, memoryCapMb: 2048, json }, undefined, 1_000, HOSTILE);
  const attack = (process: SandboxProcess, name: string) => process.run(requestFor(kit, "canary", { input: { attack: name } }), resolveLimits(undefined, limits));

  it("cannot throw out of the host: deep values fail their execution with the depth limit, and the process stays usable", async () => {
    const child = start();
    try {
      for (const name of ["deepOutput", "deepLog", "deepStoreSet"]) {
        const error = await failure(attack(child, name), SandboxLimitError);
        expect(error.message).toMatch(new RegExp(`nested deeper than ${deepest} levels`));
      }
      expect(child.alive).toBe(true);
      expect((await attack(child, "honest")).output).toEqual({ fine: true });
    } finally {
      child.kill();
    }
  });

  it("a malformed message fails the execution it names, non-retryable, and the process is replaced", async () => {
    for (const name of ["noResult", "unknownOp", "badError", "notJson", "notAnObject"]) {
      const child = start();
      try {
        const error = await attack(child, name).catch((e: unknown) => e);
        // A message naming its execution blames it; one naming none (not JSON, not an object) fails it as a crash.
        if (name === "notJson" || name === "notAnObject") expect(error).toMatchObject({ code: "crash" });
        else {
          expect(error).toBeInstanceOf(SandboxProtocolError);
          expect(error).toMatchObject({ retryable: false, message: expect.stringMatching(/^The sandbox process sent .+ while running this step, and was restarted\.$/) });
        }
        expect(child.alive).toBe(false);
      } finally {
        child.kill();
      }
    }
  });
});
