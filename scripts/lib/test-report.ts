import { existsSync, readFileSync } from "node:fs";

export type Counts = { passed: number; failed: number };

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

type VitestJson = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
};

/**
 * Counts from vitest's JSON reporter. A file that fails before any test runs (an import error) has no
 * failed test in it; it counts as one failure so the summary never says "0 failed" for a red run.
 */
export function vitestCounts(file: string): Counts {
  const json = readJson<VitestJson>(file);
  if (!json) return { passed: 0, failed: 0 };
  const brokenFiles = json.testResults.filter(
    (r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed"),
  ).length;
  return { passed: json.numPassedTests, failed: json.numFailedTests + brokenFiles };
}

type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number }; errors?: unknown[] };

/** Counts from Playwright's JSON reporter: expected (and flaky, which passed in the end) vs unexpected. */
export function playwrightCounts(file: string): Counts {
  const json = readJson<PlaywrightJson>(file);
  if (!json) return { passed: 0, failed: 0 };
  const { expected, unexpected, flaky } = json.stats;
  return { passed: expected + flaky, failed: unexpected + (unexpected === 0 && json.errors?.length ? 1 : 0) };
}
