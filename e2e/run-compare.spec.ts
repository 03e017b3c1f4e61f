import { expect, test } from "@playwright/test";
import { signUpWithWorkflow } from "./editor-helpers";
import { publish, runPublished, saveGraph } from "./run-helpers";

// A run that worked yesterday fails today: one click shows what changed since it last worked (the version's
// changes, the trigger data that differs, the step that failed), and any two runs of a workflow compare side by side.

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });
const fail = (id: string, message: string) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "fail" }, input: { message }, settings: { retry: { maxAttempts: 1 } } });
const chain = (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id }));
const RUN_ENDS = { timeout: 45_000 };

test("a failed run shows what changed since the workflow last worked, and two runs compare side by side", async ({ page }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Cora Compare", tag: "compare" }, "Signups");
  const editor = page.url();
  await saveGraph(page, { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, set("greet", { text: "Hi {{ trigger.body.name }}" })], edges: chain("start", "greet") });
  await publish(page, 1);
  await runPublished(page, { name: "Ann", plan: "pro" });
  await expect(page.getByTestId("run-status")).toHaveText("Succeeded", RUN_ENDS);
  const good = page.url();

  // v2 changes the greeting and adds a check that fails for this plan.
  await page.goto(editor);
  await saveGraph(page, {
    schemaVersion: 1,
    nodes: [{ id: "start", kind: "trigger" }, set("greet", { text: "Hello {{ trigger.body.name }}" }), fail("check", "Plan {{ trigger.body.plan }} is not allowed")],
    edges: chain("start", "greet", "check"),
  });
  await publish(page, 2);
  await runPublished(page, { name: "Bob", plan: "pro" });
  await expect(page.getByTestId("run-status")).toHaveText("Failed", RUN_ENDS);

  await page.getByRole("link", { name: "What changed since it last worked" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare runs of Signups" })).toBeVisible();
  await expect(page.getByTestId("compare-run-before")).toContainText("v1");
  await expect(page.getByTestId("compare-run-after")).toContainText("v2");
  const changes = page.getByTestId("workflow-changes");
  await expect(changes).toContainText("Steps added");
  await expect(changes).toContainText("check");
  await expect(changes).toContainText("Steps changed");
  await expect(changes).toContainText("greet");
  const trigger = page.getByRole("table", { name: "Trigger data differences" });
  await expect(trigger.getByTestId("value-change")).toHaveCount(1);
  await expect(trigger).toContainText("body.name");
  await expect(trigger).toContainText('"Ann"');
  await expect(trigger).toContainText('"Bob"');
  // The failing step is marked and open; the changed step's output shows the new greeting.
  const failed = page.getByTestId("compare-step-check");
  await expect(failed).toHaveAttribute("data-failed", "true");
  await expect(failed).toContainText("failed here");
  await expect(failed).toContainText("Did not run → Failed");
  await page.getByTestId("compare-step-greet").getByText("greet", { exact: true }).click();
  await expect(page.getByRole("table", { name: "greet output differences" })).toContainText('"Hello Bob"');
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`compare-${colorScheme}.png`), fullPage: true, animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });

  // Any two: from the successful run, choose the failed one.
  await page.goto(good);
  const other = page.getByLabel("Compare with another run");
  await expect(other.locator("option")).toHaveCount(2);
  await other.selectOption({ index: 1 });
  await expect(page).toHaveURL(/\/runs\/compare\?a=run_.*&b=run_/);
  await expect(page.getByTestId("compare-run-before")).toContainText("v1");
  await expect(page.getByTestId("compare-run-after")).toContainText("Failed");

  // Runs of two different workflows are refused with the reason.
  const params = new URL(page.url()).searchParams;
  await page.goto(`${new URL(page.url()).pathname}?a=${params.get("a")}&b=run_00000000-0000-4000-8000-000000000000`);
  await expect(page.getByTestId("compare-error")).toContainText("Run not found");
});
