import { expect, test } from "@playwright/test";
import { scan } from "./axe-scan";
import { createFirstWorkflow, jsonDraft } from "./editor-helpers";

// An axe-core scan of the dashboard, the editor (a seeded graph, a step selected with its configuration open)
// and the run view of a finished run, in light and in dark mode: no serious or critical violation of WCAG 2.1
// A/AA. The report names each rule and the elements that break it, so a failure says what to fix.

const AUTH_NAVIGATION = { timeout: 30_000 };
const RUN_FINISHES = { timeout: 30_000 };
const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });
const graph = {
  schemaVersion: 1,
  nodes: [
    { id: "start", kind: "trigger" },
    { id: "check", kind: "branch", expression: "trigger.body.name != null" },
    set("greet", { text: "Hello {{ trigger.body.name }}" }),
    { id: "halt", kind: "stop", outcome: "success" },
  ],
  edges: [
    { id: "start-out-check", source: "start", target: "check" },
    { id: "check-true-greet", source: "check", sourceHandle: "true", target: "greet" },
    { id: "check-false-halt", source: "check", sourceHandle: "false", target: "halt" },
  ],
};

test("the dashboard, the editor with a step's configuration open, and a finished run have no serious or critical axe violations, light or dark", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Access");
  await page.getByLabel("Email").fill(`e2e-a11y-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  const dashboard = page.url();
  await expect(page.getByRole("button", { name: "Create your first workflow" })).toBeVisible();
  await scan(page, testInfo, "dashboard");

  // The editor (a new workflow opens in it): a graph with a branch, one step selected, its configuration open in the step panel.
  await createFirstWorkflow(page, "Greeter");
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  await expect(async () => {
    await canvas.getByTestId("graph-node-greet").click();
    await expect(page.getByTestId("node-inspector").getByLabel("Node")).toHaveValue("greet", { timeout: 1000 });
  }).toPass();
  await scan(page, testInfo, "editor");

  // A finished run: test the saved draft and wait for it to succeed.
  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await runDialog.getByLabel("Input (JSON)").fill('{"name": "Ada"}');
  await runDialog.getByRole("button", { name: /^Start (test )?run$/ }).click();
  await expect(page).toHaveURL(/\/runs\/run_[0-9a-f-]{36}$/);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-greet")).toHaveAttribute("data-state", "succeeded");
  await scan(page, testInfo, "run");

  // Back to the dashboard, now listing the workflow.
  await page.goto(dashboard);
  await expect(page.getByRole("link", { name: "Greeter", exact: true })).toBeVisible();
  await scan(page, testInfo, "dashboard-with-workflow");
});

test("keyboard only: select a step, press C, pick the step to connect to; a refused target says why; Escape closes and focus returns; Ctrl+K adds a step and C connects it", async ({ page }) => {
  // Sign-up, two reloads and a dozen keyboard steps each saved by autosave: over a minute on a loaded machine.
  test.slow();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Kay Board");
  await page.getByLabel("Email").fill(`e2e-keys-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  await createFirstWorkflow(page, "Keys");
  // A trigger leading to "greet", and "shout" not connected yet.
  const seeded = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", position: { x: 0, y: 0 } },
      { ...set("greet", { text: "Hello" }), position: { x: 280, y: 0 } },
      { ...set("shout", { text: "{{ steps.greet.output.text }}!" }), position: { x: 560, y: 0 } },
    ],
    edges: [{ id: "start-out-greet", source: "start", target: "greet" }],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(seeded, null, 2));
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  await expect(canvas.getByTestId("graph-node-shout")).toBeVisible();

  // From here on, only the keyboard: focus "greet" on the canvas and select it with Enter.
  const greet = canvas.locator('.react-flow__node[data-id="greet"]');
  await greet.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector").getByLabel("Node")).toHaveValue("greet");

  // C opens "Connect…"; the trigger is listed but refused, with the reason; Escape closes and gives focus back.
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: "Connect “greet”" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Connect to start" })).toHaveAccessibleDescription(/^Unavailable: .*trigger/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(greet).toBeFocused();

  // Again, Tab to "Connect to shout" and press Enter: the edge is drawn, saved by itself, and focus is back on "greet".
  await page.keyboard.press("c");
  await expect(dialog).toBeVisible();
  const target = dialog.getByRole("button", { name: "Connect to shout" });
  for (let i = 0; i < 8 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(greet).toBeFocused();
  await expect(await jsonDraft(page)).toHaveValue(/"greet-out-shout"/);
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.reload();
  await expect(await jsonDraft(page)).toHaveValue(/"greet-out-shout"/);

  // Adding a step is keyboard-only too: select "shout" with Enter, Ctrl+K opens the command palette, typing
  // filters it and Enter adds a Stop after "shout", connected and selected.
  const shout = canvas.locator('.react-flow__node[data-id="shout"]');
  await expect(async () => {
    await shout.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("node-inspector").getByLabel("Node")).toHaveValue("shout", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press("Control+k");
  const picker = page.getByRole("dialog", { name: "Add a step after shout" });
  await expect(picker.getByRole("combobox", { name: "Search steps" })).toBeFocused();
  await page.keyboard.type("stop");
  await expect(picker.getByRole("option").first()).toHaveText(/^Stop/);
  await page.keyboard.press("Enter");
  await expect(picker).toBeHidden();
  await expect(canvas.getByTestId("graph-node-stop")).toBeVisible();
  await expect(page.getByTestId("node-inspector").getByLabel("Node")).toHaveValue("stop");
  await expect(canvas.getByRole("button", { name: "Insert a step between shout and stop" })).toBeVisible();

  // Then connected by keyboard: C on the new step (a Stop has no exits, so the dialog offers what leads into it),
  // Tab to "Connect from greet", Enter.
  await page.keyboard.press("c");
  const connectStop = page.getByRole("dialog", { name: "Connect “stop”" });
  await expect(connectStop).toBeVisible();
  const fromGreet = connectStop.getByRole("button", { name: "Connect from greet" });
  for (let i = 0; i < 10 && !(await fromGreet.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(fromGreet).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(connectStop).toBeHidden();
  await expect(canvas.getByRole("button", { name: "Insert a step between greet and stop" })).toBeVisible();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.reload();
  await expect(await jsonDraft(page)).toHaveValue(/"greet-out-stop"/);
  await expect(await jsonDraft(page)).toHaveValue(/"shout-out-stop"/);
});
