import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Lints snippets as if they lived in workflow files, proving the determinism rules are wired to those paths.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath = "workflows/automation.ts") {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId);
}

describe("workflow determinism lint", () => {
  it.each([
    ["Date", "export const now = () => Date.now();", "no-restricted-globals"],
    ["Math.random", "export const r = () => Math.random();", "no-restricted-properties"],
    ["setTimeout", "export const t = () => setTimeout(() => {}, 1);", "no-restricted-globals"],
    ["fetch", "export const f = () => fetch('http://x');", "no-restricted-globals"],
    ["a node builtin", "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", "no-restricted-imports"],
    ["the database", "import { getDb } from '../db/client';\nexport const f = getDb;", "no-restricted-imports"],
    ["the web process", "import { env } from '../server/env';\nexport const f = env;", "no-restricted-imports"],
    ["the activity SDK", "import { Context } from '@temporalio/activity';\nexport const f = Context;", "no-restricted-imports"],
  ])("rejects %s", async (_what, code, rule) => {
    expect(await ruleIds(code)).toContain(rule);
  });

  it("allows the workflow SDK and plain logic", async () => {
    const code = "import { sleep } from '@temporalio/workflow';\nexport async function w(n: number) { await sleep(n); return n * 2; }\n";
    expect(await ruleIds(code)).toEqual([]);
  });

  it("does not apply the workflow rules to activities", async () => {
    expect(await ruleIds("export const now = () => Date.now();\n", "workflows/activities/clock.ts")).toEqual([]);
  });
});
