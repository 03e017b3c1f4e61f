import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { createFirstWorkflow, openTestPanel } from "./editor-helpers";
import { publish, runPublished, saveGraph } from "./run-helpers";

// What a new user trips over between sign-up and a working automation (issue 16), walked as they walked it:
// create a workflow, add a webhook trigger, publish, activate, call it, read the run, break it, retry it.

const AUTH_NAVIGATION = { timeout: 30_000 };
// A run goes through Temporal and the worker on a 2-core machine shared with the build: give it time.
const RUN_FINISHES = { timeout: 45_000 };
// Each test walks several runs through the worker on a busy 2-core machine.
test.describe.configure({ timeout: 150_000 });

async function signUp(page: Page, tag: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("New User");
  await page.getByLabel("Email").fill(`e2e-${tag}-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  return { workspaceId: new URL(page.url()).pathname.split("/")[2]! };
}

/** The page at 1280×800 in light and dark, kept with the test's results for a person to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });
const fail = (id: string, message: string, settings: Record<string, unknown> = {}) => ({
  id,
  kind: "action",
  action: { integration: "core", version: "1", key: "fail" },
  input: { message },
  settings: { retry: { maxAttempts: 1 }, ...settings },
});
const chain = (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id }));

const webhookGraph = (input: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [
    { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "none" } } },
    { id: "note", kind: "action", action: { integration: "core", version: "1", key: "set" }, input },
  ],
  edges: [{ id: "e1", source: "start", target: "note" }],
});

test("activating a workflow shows its webhook URL and 'Listening' in the trigger panel without a reload", async ({ page }, testInfo) => {
  await signUp(page, "stale-panel");
  await createFirstWorkflow(page, "Fresh panel");
  await saveGraph(page, webhookGraph({ ref: "{{ trigger.body.ref }}" }));
  // The webhook's URL is in the trigger's configuration, in the step panel once the trigger is selected.
  await page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-start").click();
  const section = page.getByTestId("webhook-section");
  // No URL yet: activation creates it.
  await expect(section.getByRole("button", { name: "Create the URL" })).toBeVisible();
  await publish(page, 1);
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1");
  await expect(section.getByLabel("Webhook URL")).toHaveValue(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
  await expect(section.getByText("Listening", { exact: true })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "trigger-panel-active");
  // And back: deactivating says so at once too.
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(section.getByText("Not listening until active")).toBeVisible();
});

test("a run whose continue-on-error step failed shows 'Succeeded with errors', not 'Succeeded': on the run, in the list filter and in the dashboard's counts", async ({ page }, testInfo) => {
  const { workspaceId } = await signUp(page, "with-errors");
  await createFirstWorkflow(page, "Best effort");
  await saveGraph(page, {
    schemaVersion: 1,
    nodes: [{ id: "start", kind: "trigger" }, fail("notify", "Chat is down", { onError: "continue" }), set("finish", { order: "{{ trigger.body.order }}" })],
    edges: chain("start", "notify", "finish"),
  });
  await publish(page, 1);
  await runPublished(page, { order: 7 });
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded with errors", RUN_FINISHES);
  await expect(page.getByTestId("run-errors-note")).toContainText("step notify failed and the run went on");
  await expect(page.getByRole("button", { name: "Retry from failed step" })).toBeVisible();
  await shoot(page, testInfo, "run-succeeded-with-errors");

  // The dashboard counts it apart from clean successes; its count opens the runs list filtered to it.
  await page.goto(`/w/${workspaceId}`);
  await expect(page.getByTestId("run-count-succeeded_with_errors")).toContainText("1 succeeded with errors");
  await expect(page.getByTestId("run-count-succeeded")).toContainText("0 succeeded");
  await shoot(page, testInfo, "dashboard-run-counts");
  await page.getByTestId("run-count-succeeded_with_errors").click();
  await expect(page.getByLabel("Status")).toHaveValue("succeeded_with_errors");
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await page.getByLabel("Status").selectOption("succeeded");
  await expect(page.getByTestId("runs-empty")).toContainText("No runs match these filters");
});

test("a step whose mapping reads a skipped branch's step or a failed step says so on that step in the run view, instead of being silently empty", async ({ page }, testInfo) => {
  await signUp(page, "mapping-warnings");
  await createFirstWorkflow(page, "Tiered note");
  await saveGraph(page, {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      fail("lookup", "CRM is down", { onError: "continue" }),
      { id: "vip", kind: "branch", mode: "if", expression: "trigger.body.vip == true" },
      set("gold", { tier: "gold" }),
      set("plain", { tier: "plain" }),
      { id: "join", kind: "merge", mode: "first" },
      set("note", { tier: "{{ steps.gold.output.tier }}", owner: "{{ steps.lookup.output.owner }}" }),
    ],
    edges: [
      ...chain("start", "lookup", "vip"),
      { id: "t", source: "vip", sourceHandle: "true", target: "gold" },
      { id: "f", source: "vip", sourceHandle: "false", target: "plain" },
      { id: "g", source: "gold", target: "join" },
      { id: "p", source: "plain", target: "join" },
      { id: "n", source: "join", target: "note" },
    ],
  });
  await publish(page, 1);
  await runPublished(page, { vip: false });
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded with errors", RUN_FINISHES);

  // The consuming step is marked in the list, and opened it says which reference read what, and why it is empty.
  const note = page.getByTestId("step-note");
  await expect(note).toContainText("2 warnings");
  await expect(page.getByTestId("step-plain")).not.toContainText("warning");
  await note.getByRole("button").click();
  const warnings = page.getByTestId("step-warnings");
  await expect(warnings).toContainText('input.tier reads steps.gold.output.tier, but step "gold" was skipped (no branch led to it), so it is empty here.');
  await expect(warnings).toContainText('input.owner reads steps.lookup.output.owner, but step "lookup" failed and the run went on');
  await shoot(page, testInfo, "run-mapping-warnings");
});

test("retry from the failed step after publishing a fix offers the current published version as well as the one the run used, and each run shows its version", async ({ page }, testInfo) => {
  await signUp(page, "retry-version");
  await createFirstWorkflow(page, "Order sync");
  const broken = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, set("prepare", { order: "{{ trigger.body.order }}" }), fail("gate", "Order {{ trigger.body.order }} is on hold")], edges: chain("start", "prepare", "gate") };
  await saveGraph(page, broken);
  await publish(page, 1);
  await runPublished(page, { order: 42 });
  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", RUN_FINISHES);
  const failedUrl = page.url();

  // The fix, published as version 2.
  await page.getByRole("link", { name: "Order sync", exact: true }).click();
  await saveGraph(page, { ...broken, nodes: [broken.nodes[0], broken.nodes[1], set("gate", { passed: "{{ steps.prepare.output.order }}" })] });
  await publish(page, 2);

  await page.goto(failedUrl);
  await page.getByRole("button", { name: "Retry from failed step" }).click();
  const dialog = page.getByRole("dialog", { name: "Retry from the failed step?" });
  await expect(dialog.getByLabel("Version 2, the current published version")).toBeChecked();
  await expect(dialog.getByLabel("Version 1, the version this run used")).not.toBeChecked();
  await shoot(page, testInfo, "retry-version-choice");
  await dialog.getByRole("button", { name: "Retry on version 2" }).click();
  await expect(page).not.toHaveURL(failedUrl);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);
  await expect(page.getByTestId("run-meta-version")).toHaveText("v2");
  // prepare did not change between the versions: its output is reused; gate ran on the new version.
  await expect(page.getByTestId("step-prepare")).toHaveAttribute("data-state", "reused");
  await expect(page.getByTestId("step-gate")).toHaveAttribute("data-state", "succeeded");

  // Retrying the first failure on its own version is still there, and fails as it did.
  await page.goto(failedUrl);
  await page.getByRole("button", { name: "Retry from failed step" }).click();
  await dialog.getByLabel("Version 1, the version this run used").check();
  await dialog.getByRole("button", { name: "Retry on version 1" }).click();
  await expect(page).not.toHaveURL(failedUrl);
  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", RUN_FINISHES);
  await expect(page.getByTestId("run-meta-version")).toHaveText("v1");

  // The runs list says which version each run used.
  await page.getByRole("link", { name: "Runs of Order sync" }).click();
  await expect(page.getByTestId("run-row")).toHaveCount(3);
  await expect(page.getByTestId("run-row").nth(0)).toContainText("v1");
  await expect(page.getByTestId("run-row").nth(1)).toContainText("v2");
  await expect(page.getByTestId("run-row").nth(2)).toContainText("v1");
});

test("a webhook run shows what arrived (body, query, headers kept) as its trigger step's output, and it can be kept as test data for the editor", async ({ page }, testInfo) => {
  const { workspaceId } = await signUp(page, "trigger-input");
  await createFirstWorkflow(page, "Hook reader");
  await saveGraph(page, webhookGraph({ ref: "{{ trigger.body.ref }}" }));
  await publish(page, 1);
  await page.getByRole("switch", { name: "Active" }).click();
  // The webhook's URL is in the trigger's configuration.
  await page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-start").click();
  const section = page.getByTestId("webhook-section");
  await expect(section.getByText("Listening", { exact: true })).toBeVisible();
  const url = await section.getByLabel("Webhook URL").inputValue();
  const sent = await page.request.post(`${url}?source=e2e`, { data: { ref: "refs/heads/main", pusher: "ada" }, headers: { "content-type": "application/json" } });
  expect(sent.status()).toBe(202);
  const { runId } = (await sent.json()) as { runId: string };

  await page.goto(`/w/${workspaceId}/runs/${runId}`);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);
  const trigger = page.getByTestId("step-start");
  await expect(trigger).toContainText("trigger");
  // The canvas's trigger node opens its row, like any step's node.
  await page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-start").click();
  const output = trigger.getByTestId("step-output");
  await expect(output).toContainText('"pusher": "ada"');
  await expect(output).toContainText('"source": "e2e"');
  await expect(output).toContainText('"content-type": "application/json"');
  // And its row's own button closes and opens it.
  await trigger.getByRole("button").first().click();
  await expect(output).toBeHidden();
  await trigger.getByRole("button").first().click();
  await expect(output).toBeVisible();
  await shoot(page, testInfo, "run-trigger-output");

  await trigger.getByRole("button", { name: "Use as test data" }).click();
  const name = `Run ${runId.replace(/^run_/, "").slice(0, 8)}`;
  await expect(page.getByTestId("toasts")).toContainText(`Saved as test data "${name}"`);
  // The editor's test panel offers it.
  await page.getByRole("link", { name: "Hook reader", exact: true }).click();
  await expect((await openTestPanel(page)).getByTestId("fixture-select").locator("option", { hasText: name })).toHaveCount(1);
});
