/**
 * Helpers for integration authors' tests (vitest or any runner): call an action's run() directly, through the
 * same validation glue the sandbox uses, with ctx.http answered from recorded fixtures.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { ActionContext, Log } from "../context";
import type { Integration } from "../define";
import { entryOf, toSandboxEntry } from "../sandbox-entry";
import { fixtureHttp, type HttpFixture } from "./fixtures";

export { fixtureHttp, loadFixtures, UnmatchedRequestError, type HttpFixture, type RecordedRequest } from "./fixtures";

export type TestContextOptions = {
  input?: unknown;
  connection?: Record<string, unknown>;
  fixtures?: HttpFixture[];
  store?: Map<string, unknown>;
  run?: Partial<ActionContext<unknown>["run"]>;
};

export function createTestContext(options: TestContextOptions = {}) {
  const { http, requests, unused } = fixtureHttp(options.fixtures ?? []);
  const store = options.store ?? new Map<string, unknown>();
  const logs: { level: keyof Log; message: string; data?: unknown }[] = [];
  const log = (level: keyof Log) => (message: string, data?: unknown) => void logs.push({ level, message, data });
  // Same shapes as the sandbox's ctx.secrets / ctx.crypto, kept in this test's memory.
  const secrets = new Map<string, string>();
  const keys = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>();
  const keyOf = (name: string) => {
    if (!keys.has(name)) keys.set(name, generateKeyPairSync("ed25519"));
    return keys.get(name)!;
  };
  const ctx: ActionContext<unknown> = {
    input: options.input,
    connection: options.connection,
    http,
    store: {
      get: async (k) => structuredClone(store.get(k)),
      set: async (k, v) => void store.set(k, structuredClone(v)),
      delete: async (k) => void store.delete(k),
    },
    log: { info: log("info"), warn: log("warn"), error: log("error") },
    secrets: {
      getOrCreate: async (name) => {
        if (!secrets.has(name)) secrets.set(name, randomBytes(32).toString("base64url"));
        return secrets.get(name)!;
      },
    },
    crypto: {
      sign: async (name, bytes) => sign(null, typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes, keyOf(name).privateKey).toString("base64"),
      publicKey: async (name) => Buffer.from(keyOf(name).publicKey.export({ format: "jwk" }).x!, "base64url").toString("base64"),
    },
    run: { runId: "run_test", stepId: "step_test", attempt: 1, idempotencyKey: "run_test:step_test", ...options.run },
  };
  return { ctx, requests, logs, store, unusedFixtures: unused };
}

/**
 * Runs one entry of the integration (an action key, or e.g. `send:options:channel`; see toSandboxEntry) the way
 * the sandbox would: input checked against the schema, output checked and JSON round-tripped.
 */
export async function runAction(integration: Integration, key: string, options: TestContextOptions = {}) {
  const test = createTestContext(options);
  const output: unknown = await entryOf(toSandboxEntry(integration), key).run(test.ctx);
  return { ...test, output: output === undefined ? null : (JSON.parse(JSON.stringify(output)) as unknown) };
}
