/**
 * Helpers for integration authors' tests (vitest or any runner): call an action's run() directly, through the
 * same validation glue the sandbox uses, with ctx.http answered from recorded fixtures.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { ActionContext, Log } from "../context";
import type { Integration } from "../define";
import { entryOf, toSandboxEntry } from "../sandbox-entry";
import { fixtureHttp, loadFixtures, type HttpFixture } from "./fixtures";
import { recordingHttp } from "./recording";

export { fixtureHttp, loadFixtures, UnmatchedRequestError, type HttpFixture, type RecordedRequest } from "./fixtures";
export { recordingHttp } from "./recording";

export type TestContextOptions = {
  input?: unknown;
  connection?: Record<string, unknown>;
  fixtures?: HttpFixture[];
  /**
   * A fixture file: replayed (like `fixtures`), or in record mode written from the real service's answers.
   * Record mode is `record: true` or JUNCTION_RECORD=1 in the environment (`JUNCTION_RECORD=1 npx vitest …`).
   */
  fixtureFile?: string | URL;
  record?: boolean;
  store?: Map<string, unknown>;
  run?: Partial<ActionContext<unknown>["run"]>;
};

export function createTestContext(options: TestContextOptions = {}) {
  const record = Boolean(options.fixtureFile) && (options.record ?? process.env.JUNCTION_RECORD === "1");
  const recorder = record ? recordingHttp() : undefined;
  const replay = fixtureHttp(options.fixtures ?? (options.fixtureFile && !record ? loadFixtures(options.fixtureFile) : []));
  const { http, requests, unused } = recorder ? { http: recorder.http, requests: recorder.requests, unused: () => [] } : replay;
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
  /** In record mode, writes what the service answered to `fixtureFile`; a no-op when replaying. */
  const saveFixtures = () => {
    if (recorder && options.fixtureFile) recorder.save(options.fixtureFile);
  };
  return { ctx, requests, logs, store, unusedFixtures: unused, recording: record, saveFixtures };
}

/**
 * Runs one entry of the integration (an action key, or e.g. `send:options:channel`; see toSandboxEntry) the way
 * the sandbox would: input checked against the schema, output checked and JSON round-tripped.
 */
export async function runAction(integration: Integration, key: string, options: TestContextOptions = {}) {
  const test = createTestContext(options);
  let output: unknown;
  try {
    output = await entryOf(toSandboxEntry(integration), key).run(test.ctx);
  } finally {
    test.saveFixtures();
  }
  return { ...test, output: output === undefined ? null : (JSON.parse(JSON.stringify(output)) as unknown) };
}
