import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { temporal as proto } from "@temporalio/proto";
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from "@temporalio/worker";
import { beforeAll, describe, expect, it } from "vitest";
import { workflowBundlerOptions } from "../bundle-options";
import { workerDataConverter } from "../data-converter";
import { FIXTURE_PAYLOAD_KEY, HISTORIES_DIR } from "./fixtures";

// Histories recorded from real runs (`npm run record-histories`); replaying them against today's interpreter must reproduce
// exactly the same commands, or in-flight runs would break on deploy.
const histories = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith(".json")).map((f) => [f, decode(readFileSync(path.join(HISTORIES_DIR, f), "utf8"))] as const);
const here = import.meta.dirname;

function decode(json: string) {
  const { historyBase64 } = JSON.parse(json) as { historyBase64: string };
  return proto.api.history.v1.History.decode(Buffer.from(historyBase64, "base64"));
}
const dataConverter = workerDataConverter(FIXTURE_PAYLOAD_KEY);
let current: { code: string };
let altered: { code: string };

beforeAll(async () => {
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger("ERROR") });
  [current, altered] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: path.join(here, "../index.ts"), failureConverterPath: path.join(here, "../failure-converter.ts"), ...workflowBundlerOptions }),
    bundleWorkflowCode({ workflowsPath: path.join(here, "altered.ts"), failureConverterPath: path.join(here, "../failure-converter.ts"), ...workflowBundlerOptions }),
  ]);
}, 120_000);

describe("replay of recorded histories", () => {
  it("has fixtures", () => {
    expect(histories.map(([f]) => f).sort()).toEqual(["control.json", "linear.json"]);
  });

  it("bundles the interpreter without zod (graph types only; the sandbox loads the bundle for every run)", () => {
    expect(current.code).toContain("function automation(");
    expect(current.code).not.toMatch(/node_modules\/zod/);
  });

  it.each(histories)("%s replays against the current interpreter", async (_f, history) => {
    await Worker.runReplayHistory({ workflowBundle: current, dataConverter }, history);
  });

  it.each(histories)("%s fails against a deliberately changed interpreter", async (_f, history) => {
    await expect(Worker.runReplayHistory({ workflowBundle: altered, dataConverter }, history)).rejects.toThrow(/[Nn]ondetermin|DeterminismViolation/);
  });
});
