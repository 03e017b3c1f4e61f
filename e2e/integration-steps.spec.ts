import { expect, test } from "@playwright/test";
import { createFirstWorkflow, jsonDraft } from "./editor-helpers";

// An official integration (Code, seeded by the migration) as a step of a real run: the sandbox on the worker
// runs it, and the run view shows its output, its ctx.log lines and what it used.

test("a Code step runs in the sandbox; its output, log lines and resource use show on the step", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Sandy Box");
  await page.getByLabel("Email").fill(`e2e-sandbox-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`granite-harbor-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await createFirstWorkflow(page, "Doubler");

  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      {
        id: "double",
        kind: "action",
        action: { integration: "code", version: "1.0.0", key: "run_code" },
        input: { code: "log.info('doubling', { n: inputs.n }); return inputs.n * 2;", inputs: { n: "{{ trigger.body.n }}" } },
      },
    ],
    edges: [{ id: "start-double", source: "start", target: "double" }],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");

  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await runDialog.getByLabel("Input (JSON)").fill('{"n": 21}');
  await runDialog.getByRole("button", { name: "Start test run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", { timeout: 60_000 });

  await page.getByTestId("step-double").getByRole("button").click();
  await expect(page.getByTestId("step-output")).toContainText('"result": 42');
  await expect(page.getByTestId("step-logs")).toContainText("doubling");
  await expect(page.getByTestId("step-logs")).toContainText('"n": 21');
  await expect(page.getByTestId("step-detail").getByText("Peak memory").locator("..")).not.toContainText("—");
});

test("a Code step that throws is not retried, and its step says why; its flood of log lines ends in a dropped-bytes marker", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Rita Try");
  await page.getByLabel("Email").fill(`e2e-retry-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`granite-harbor-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await createFirstWorkflow(page, "Thrower");

  // 200 lines of 1 KB: three times the 64 KiB a step stores. Three attempts allowed; a throw uses one.
  const code = "for (let i = 0; i < 200; i++) log.info('line ' + i + ' ' + 'x'.repeat(1000)); throw new Error('boom');";
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      { id: "boom", kind: "action", action: { integration: "code", version: "1.0.0", key: "run_code" }, input: { code }, settings: { retry: { maxAttempts: 3, initialIntervalMs: 100 } } },
    ],
    edges: [{ id: "start-boom", source: "start", target: "boom" }],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");

  await page.getByRole("button", { name: "Run…" }).click();
  await page.getByRole("dialog", { name: "Run workflow" }).getByRole("button", { name: "Start test run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", { timeout: 60_000 });

  await expect(page.getByTestId("step-boom")).toHaveCount(1);
  await page.getByTestId("step-boom").getByRole("button").click();
  await expect(page.getByTestId("step-retry-note")).toHaveText("Not retried: the step's code threw an error (user code).");
  await expect(page.getByTestId("step-logs")).toContainText(/\d+ bytes of logs dropped \(limit JUNCTION_STEP_LOG_BYTES = 65536 bytes per step\)/);
});

