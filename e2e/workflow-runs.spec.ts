import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { createFirstWorkflow, jsonDraft } from "./editor-helpers";
import { OWN_PAGE_HEADERS } from "./own-page-headers";
import { inviteAndAccept } from "./mail-helpers";

// The workflow page and run inspection, as a user of an automation tool expects them: draft, fix, publish, run,
// watch it live, read step output, retry from the failed step; and a viewer who can look but not touch.

const AUTH_NAVIGATION = { timeout: 30_000 };
// A run goes through Temporal and the worker on a 2-core machine shared with the build: give it time.
const RUN_FINISHES = { timeout: 45_000 };

async function signUp(page: Page, name: string, tag: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const email = `e2e-${tag}-${stamp}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  return { email, workspaceId: new URL(page.url()).pathname.split("/")[2]! };
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

const draft = (page: Page) => jsonDraft(page);

async function saveDraft(page: Page, graph: unknown) {
  await (await draft(page)).fill(JSON.stringify(graph, null, 2));
  // Saved by itself shortly; the button saves at once (and says how it went).
  await page.getByRole("button", { name: "Save draft" }).click();
}

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });
const chain = (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `${ids[i]}-${id}`, source: ids[i], target: id }));

test("a draft with a problem saves, marked on its node and listed; publish waits for the fix and shows what changed; run it live", async ({ page }, testInfo) => {
  await signUp(page, "Ada Runner", "runs");
  await createFirstWorkflow(page, "Greeter");
  const tabs = page.getByRole("navigation", { name: "Workflow" });
  await expect(tabs.getByRole("link", { name: "Editor" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("graph-canvas")).toContainText("no nodes");
  const canvas = page.getByRole("region", { name: "Workflow canvas" });

  // An unterminated template: the draft saves all the same; the problem names node and field, on the node and in the list.
  const broken = {
    schemaVersion: 1,
    nodes: [{ id: "start", kind: "trigger" }, { id: "wait", kind: "delay", durationMs: 2500 }, set("greet", { text: "Hello {{ trigger.body.name + }}" })],
    edges: chain("start", "wait", "greet"),
  };
  await saveDraft(page, broken);
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await expect(page.getByTestId("toasts")).toContainText("Draft saved with 1 problem to fix before publishing");
  const problems = page.getByRole("region", { name: "Problems to fix before publishing" });
  await expect(problems).toContainText("greet · input.text ·");
  await expect(canvas.getByTestId("graph-node-greet")).toHaveAttribute("data-invalid", "true");
  await expect(canvas.getByRole("img", { name: /^1 problem: input\.text: / })).toBeVisible();
  await expect(page.getByTestId("node-issue-greet")).toContainText("input.text");
  await expect(canvas.getByTestId("graph-node-wait")).not.toHaveAttribute("data-invalid", "true");
  await expect(page.getByTestId("draft-issues")).toHaveCount(0);

  // Clicking the problem selects its node: the inspector shows its input, with the problem beside it.
  await problems.getByRole("button", { name: /^greet · input\.text/ }).click();
  const inspector = page.getByTestId("node-inspector");
  await expect(inspector.getByLabel("Node")).toHaveValue("greet");
  await expect(inspector).toContainText("Hello {{ trigger.body.name + }}");
  await expect(inspector.getByRole("alert")).toContainText("input.text");
  await expect(canvas.getByTestId("graph-node-greet")).toHaveClass(/outline-indigo-500/);

  // Nothing is published yet, so there is nothing to activate; the switch says so.
  await expect(page.getByRole("switch", { name: "Active" })).toBeDisabled();
  await expect(page.getByRole("switch", { name: "Active" })).toHaveAccessibleDescription("publish a version to activate");

  // Publishing waits: the dialog lists the problem, and clicking it takes you back to the node.
  await inspector.getByLabel("Node").selectOption("wait");
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await expect(publish.getByTestId("publish-problems")).toContainText("greet · input.text");
  await expect(publish.getByRole("button", { name: "Publish version 1" })).toBeDisabled();
  await expect(publish.getByTestId("publish-changes")).toContainText("Added");
  await shoot(page, testInfo, "publish-with-problems");
  await publish.getByRole("button", { name: /^greet · input\.text/ }).click();
  await expect(publish).toBeHidden();
  await expect(inspector.getByLabel("Node")).toHaveValue("greet");
  await shoot(page, testInfo, "editor-with-problems");

  // Fix it in the JSON while the server cannot be reached: leaving with the change unsaved asks first, and staying keeps the text.
  const isSave = (url: URL) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes("workflow.saveDraft");
  await page.route(isSave, (route) => route.abort("internetdisconnected"));
  const fixed = { ...broken, nodes: [broken.nodes[0], broken.nodes[1], set("greet", { text: "Hello {{ trigger.body.name }}" })] };
  await (await draft(page)).fill(JSON.stringify(fixed, null, 2));
  await expect(page.getByTestId("draft-state")).toHaveText("Offline");
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Editor" })).toHaveAttribute("aria-current", "page");
  await expect(await draft(page)).toHaveValue(/Hello \{\{ trigger\.body\.name \}\}/);

  // Reachable again, save from the keyboard at once: the marks and the list go.
  await page.unroute(isSave);
  await (await draft(page)).press("Control+s");
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await expect(problems).toHaveCount(0);
  await expect(canvas.getByTestId("graph-node-greet")).not.toHaveAttribute("data-invalid", "true");
  // The trigger's configuration is the step panel's, with the trigger selected.
  await canvas.getByTestId("graph-node-start").click();
  await expect(page.getByTestId("trigger-config").getByLabel("Starts when")).toHaveValue("manual");

  // Publish version 1 with a message; the dialog says what it adds.
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(publish.getByTestId("next-version")).toHaveText("This becomes version 1.");
  await expect(publish.getByTestId("publish-problems")).toHaveCount(0);
  const changes = publish.getByTestId("publish-changes");
  await expect(changes).toContainText("Changes in this first version");
  await expect(changes.getByRole("definition")).toHaveText(["start, wait, greet", "2 added"]);
  await shoot(page, testInfo, "publish-changes");
  await publish.getByLabel("What changed").fill("Say hello");
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByTestId("toasts")).toContainText("Published version 1");

  // Activate: the triggers now start version 1.
  const active = page.getByRole("switch", { name: "Active" });
  await expect(active).toHaveAttribute("aria-checked", "false");
  await active.click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1");
  await expect(active).toHaveAttribute("aria-checked", "true");
  await expect(active).toHaveText("Active — runs on every trigger");

  // A changed step in the draft: the publish dialog names it, against version 1.
  await saveDraft(page, { ...fixed, nodes: [fixed.nodes[0], { id: "wait", kind: "delay", durationMs: 2000 }, fixed.nodes[2]] });
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish…" }).click();
  await expect(changes).toContainText("Changes since version 1");
  await expect(changes.getByRole("term")).toHaveText(["Changed"]);
  await expect(changes.getByRole("definition")).toHaveText(["wait"]);
  await publish.getByRole("button", { name: "Cancel" }).click();
  await expect(publish).toBeHidden();

  // Run it: input that is not an object is refused next to the field, then a real one starts the run.
  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await expect(runDialog.getByLabel("Latest published version (v1)")).toBeChecked();
  await runDialog.getByLabel("Input (JSON)").fill("[1, 2]");
  await runDialog.getByRole("button", { name: "Start run" }).click();
  await expect(runDialog.getByLabel("Input (JSON)")).toHaveAccessibleDescription(/must be a JSON object/);
  await runDialog.getByLabel("Input (JSON)").fill('{"name": "Ada"}');
  await runDialog.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/run_[0-9a-f-]{36}$/);

  // Live: the page shows the run in progress, then succeeded, without a reload.
  const status = page.getByTestId("run-status").first();
  await expect(status).toHaveText(/Queued|Running/);
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-greet")).not.toHaveAttribute("data-state", "succeeded");
  await expect(status).toHaveText("Succeeded", RUN_FINISHES);
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-greet")).toHaveAttribute("data-state", "succeeded");
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-start")).toHaveAttribute("data-state", "succeeded");

  // The step's output.
  await page.getByTestId("step-greet").getByRole("button").click();
  await expect(page.getByTestId("step-output")).toContainText('"text": "Hello Ada"');

  // The workflow's Runs tab and Versions tab, and the workspace's Runs page.
  await page.getByRole("link", { name: "Runs of Greeter" }).click();
  await expect(page.getByTestId("run-row")).toHaveCount(1);
  await expect(page.getByTestId("run-row")).toContainText("Succeeded");
  await expect(page.getByTestId("run-row")).toContainText("v1");
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Versions" }).click();
  await expect(page.getByTestId("version-row")).toContainText("Say hello");
  await expect(page.getByTestId("version-row")).toContainText("Ada Runner");
  await expect(page.getByRole("region", { name: "Version 1 graph" }).getByTestId("graph-node-greet")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  await expect(page.getByTestId("run-row")).toContainText("Greeter");
});

test("a failing test run of the draft, filtered in the list, retried from the failed step with earlier steps reused", async ({ page }) => {
  await signUp(page, "Fay Failer", "retry");
  await createFirstWorkflow(page, "Gatekeeper");
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger" },
      set("prepare", { order: "{{ trigger.body.order }}" }),
      { id: "gate", kind: "action", action: { integration: "core", version: "1", key: "fail" }, input: { message: "Order {{ trigger.body.order }} is on hold" }, settings: { retry: { maxAttempts: 1 } } },
    ],
    edges: chain("start", "prepare", "gate"),
  };
  await saveDraft(page, graph);
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");

  // Nothing is published, so the dialog offers the draft only.
  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await expect(runDialog.getByLabel("Test the saved draft")).toBeChecked();
  await expect(runDialog.getByLabel("Latest published version")).toBeDisabled();
  await runDialog.getByLabel("Input (JSON)").fill('{"order": 42}');
  await runDialog.getByRole("button", { name: "Start test run" }).click();

  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", RUN_FINISHES);
  await expect(page.getByTestId("run-error")).toContainText("Order 42 is on hold");
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-gate")).toHaveAttribute("data-state", "failed");
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-prepare")).toHaveAttribute("data-state", "succeeded");
  const failedUrl = page.url();

  // Retry from the failed step: confirm, a toast, and the new run opens.
  await page.getByRole("button", { name: "Retry from failed step" }).click();
  const confirm = page.getByRole("dialog", { name: "Retry from the failed step?" });
  await confirm.getByRole("button", { name: "Retry from failed step" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Retry from the failed step started");
  await expect(page).not.toHaveURL(failedUrl);
  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", RUN_FINISHES);
  // prepare was not run again: its output came from the first run.
  await expect(page.getByTestId("step-prepare")).toHaveAttribute("data-state", "reused");
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-prepare")).toHaveAttribute("data-state", "reused");
  await expect(page.getByTestId("step-gate")).toHaveAttribute("data-state", "failed");
  await page.getByTestId("step-prepare").getByRole("button").click();
  await expect(page.getByTestId("step-detail")).toContainText("reused from run");
  await expect(page.getByTestId("step-output")).toContainText('"order": 42');

  // The Runs tab lists both draft test runs; filtering by status and kind narrows it.
  await page.getByRole("link", { name: "Runs of Gatekeeper" }).click();
  await expect(page.getByTestId("run-row")).toHaveCount(2);
  await expect(page.getByTestId("run-row").first()).toContainText("Retry from failed step");
  await page.getByLabel("Status").selectOption("succeeded");
  await expect(page.getByTestId("runs-empty")).toContainText("No runs match these filters");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Runs of").selectOption("test");
  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("run-row")).toHaveCount(2);
  await expect(page.getByTestId("run-row").first()).toContainText("Draft test");
});

test("a viewer sees the workflow and its runs but no edit, publish or run controls, and the server refuses them too", async ({ page, browser }) => {
  // Two sign-ups, and the viewer joins through an invitation read from the outbox: more than a minute under load.
  test.slow();
  // The viewer signs up in a browser context of their own.
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const viewer = await signUp(viewerPage, "Vera Viewer", "viewer");

  const owner = await signUp(page, "Olga Owner", "owner");
  await createFirstWorkflow(page, "Shared flow");
  const workflowUrl = page.url();
  await saveDraft(page, { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, set("note", { ok: true })], edges: chain("start", "note") });
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await inviteAndAccept({ page, email: owner.email }, { page: viewerPage, email: viewer.email }, owner.workspaceId, "viewer");

  await viewerPage.goto(new URL(workflowUrl).pathname);
  await expect(viewerPage.getByRole("heading", { level: 1, name: "Shared flow" })).toBeVisible();
  // Scoped to the canvas like every graph node here: during a page load a second copy of the node was once in the page.
  await expect(viewerPage.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-note")).toBeVisible();
  await expect(viewerPage.getByTestId("draft-state")).toHaveText("Read-only: you have view access.");
  await expect(await jsonDraft(viewerPage)).toHaveAttribute("readonly", "");
  for (const name of ["Run…", "Publish…", "Save draft"]) await expect(viewerPage.getByRole("button", { name })).toHaveCount(0);
  await viewerPage.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Runs" }).click();
  await expect(viewerPage.getByTestId("runs-empty")).toContainText("No runs yet");

  // Straight at the API with the viewer's session: refused, and nothing changed.
  const workflowId = new URL(workflowUrl).pathname.split("/").at(-1)!;
  const call = (path: string, json: unknown) => viewerPage.request.post(`/api/trpc/${path}`, { data: { json }, headers: OWN_PAGE_HEADERS });
  const publish = await call("workflow.publish", { workspaceId: owner.workspaceId, workflowId, message: "sneaky" });
  expect(publish.status()).toBe(403);
  const start = await call("run.start", { workspaceId: owner.workspaceId, workflowId, input: {}, draft: true });
  expect(start.status()).toBe(403);
  const save = await call("workflow.saveDraft", { workspaceId: owner.workspaceId, workflowId, draftRevision: 2, graph: { schemaVersion: 1, nodes: [], edges: [] } });
  expect(save.status()).toBe(403);
  await page.goto(workflowUrl);
  // Scoped to the visible canvas: once (in CI) a second, hidden copy of the node was in the page while it loaded.
  await expect(page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-note")).toBeVisible();
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Versions" }).click();
  await expect(page.getByTestId("versions-empty")).toBeVisible();
  await viewerContext.close();
});

test("cancel a long run, and a re-run that cannot start says why", async ({ page }) => {
  await signUp(page, "Cal Canceller", "cancel");
  await createFirstWorkflow(page, "Slow poke");
  await saveDraft(page, { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, { id: "nap", kind: "delay", durationMs: 120_000 }, set("after", {})], edges: chain("start", "nap", "after") });
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Run…" }).click();
  await page.getByRole("dialog", { name: "Run workflow" }).getByRole("button", { name: "Start test run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Running", RUN_FINISHES);

  await page.getByRole("button", { name: "Cancel run" }).click();
  const confirm = page.getByRole("dialog", { name: "Cancel this run?" });
  await expect(confirm.getByRole("button", { name: "Cancel", exact: true })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Cancelled", RUN_FINISHES);
  await expect(page.getByTestId("step-after")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel run" })).toHaveCount(0);

  // Nothing is published: the server refuses the re-run and the dialog says so.
  await page.getByRole("button", { name: "Re-run on latest" }).click();
  const rerun = page.getByRole("dialog", { name: "Re-run on the latest version?" });
  await rerun.getByRole("button", { name: "Re-run" }).click();
  await expect(rerun.getByRole("alert")).toContainText("Publish the workflow before running it");
});

test("a step output nested too deep to show opens truncated, with a link that downloads the whole value", async ({ page }) => {
  await signUp(page, "Dee Nesting", "deep");
  await createFirstWorkflow(page, "Deep output");
  // 40 levels: within the JSON depth limit (128), past what the run view shows whole (32).
  let deep: Record<string, unknown> = { leaf: "bottom" };
  for (let i = 1; i < 40; i++) deep = { a: deep };
  await saveDraft(page, { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, set("deep", deep)], edges: chain("start", "deep") });
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await runDialog.getByLabel("Input (JSON)").fill("{}");
  await runDialog.getByRole("button", { name: "Start test run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);

  await page.getByTestId("step-deep").getByRole("button").click();
  await expect(page.getByTestId("step-output-size")).toContainText("40 levels deep · truncated");
  await expect(page.getByTestId("step-output")).toContainText('"{… 1 key}"');
  const link = page.getByTestId("step-output-download");
  await expect(link).toHaveText(/^Download whole value \(\d+ B\)$/);
  await page.screenshot({ path: "test-results/deep-output-run-view.png", fullPage: true });
  const whole = await page.request.get((await link.getAttribute("href"))!);
  expect(whole.status()).toBe(200);
  expect(JSON.parse(await whole.text())).toEqual(deep);
});
