import { expect, test, type Page } from "@playwright/test";
import { createFirstWorkflow } from "./editor-helpers";
import { scan } from "./axe-scan";
import { OWN_PAGE_HEADERS } from "./own-page-headers";
import { inviteAndAccept } from "./mail-helpers";

// The configuration panel through forms only: a webhook trigger (methods, response mode, verification) and a
// schedule trigger ("every …", a cron that does not parse named on its field, the next runs in its time zone, the
// live schedule once active); a Code step written in the code editor and run; a connection made from a step's
// picker without leaving the editor; and a viewer who sees every form read-only. No console error along the way,
// and each form passes an axe-core scan in light and dark (screenshots at 1280×800 kept with the results).

// Each test signs up, works a form, and scans it with axe-core in two colour schemes: more than a minute on a busy machine.
test.slow();

const AUTH_NAVIGATION = { timeout: 30_000 };
const SERVER = { timeout: 30_000 };
// A run goes through Temporal and the worker on a 2-core machine shared with the build: give it time.
const RUN_FINISHES = { timeout: 60_000 };

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

/**
 * Places the steps (adding them on the canvas is another part of the editor): saved through the API as the
 * draft's first revision, then the page is reloaded. Everything after is done in the forms.
 */
async function placeSteps(page: Page, nodes: unknown[]) {
  const [, , workspaceId, , workflowId] = new URL(page.url()).pathname.split("/");
  const ids = (nodes as { id: string }[]).map((n) => n.id);
  const edges = ids.slice(1).map((id, i) => ({ id: `${ids[i]}-${id}`, source: ids[i], target: id }));
  const saved = await page.request.post("/api/trpc/workflow.saveDraft", { data: { json: { workspaceId, workflowId, draftRevision: 1, graph: { schemaVersion: 1, nodes, edges } } }, headers: OWN_PAGE_HEADERS });
  expect(saved.status()).toBe(200);
  await page.reload();
}

const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });
/** The step panel, which these tests scan (the palette beside it has its own accessibility test). */
const PANEL = '[data-testid="node-inspector"]';
const panel = (page: Page) => page.getByTestId("node-inspector");

async function select(page: Page, id: string) {
  await canvas(page).getByTestId(`graph-node-${id}`).click();
  await expect(panel(page).getByText(id, { exact: true }).first()).toBeVisible();
}

/** The draft saves itself after an edit (autosave): wait until it says so. */
async function saved(page: Page) {
  await expect(page.getByTestId("draft-state")).toHaveText("Saved", SERVER);
}

/** Console errors and uncaught exceptions: bad input is shown on its field, never thrown. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });

test("a webhook trigger is configured through its form: methods, response, verification; what the server refuses is named on its field", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Web Hooker", "trigger-hook");
  await createFirstWorkflow(page, "Order hook");
  await placeSteps(page, [{ id: "start", kind: "trigger" }, set("note", { order: "{{ trigger.body.order }}" })]);
  await select(page, "start");

  const form = page.getByTestId("trigger-config");
  await expect(form.getByLabel("Starts when")).toHaveValue("manual");
  await form.getByLabel("Starts when").selectOption("webhook");
  await expect(form.getByTestId("webhook-section")).toBeVisible();
  await form.getByRole("button", { name: "Create the URL" }).click();
  await expect(form.getByLabel("Webhook URL")).toHaveValue(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/, SERVER);

  // No method at all is refused with the server's message, next to the methods.
  await form.getByRole("checkbox", { name: "POST" }).uncheck();
  await expect(form.getByRole("group", { name: "Methods" })).toHaveAccessibleDescription("Allow at least one method");
  await form.getByRole("checkbox", { name: "PUT" }).check();
  await expect(form.getByRole("group", { name: "Methods" })).not.toHaveAccessibleDescription("Allow at least one method");

  await form.getByRole("radio", { name: /When the run answers/ }).check();
  await form.getByLabel("Answer within").fill("50");
  await expect(form.getByLabel("Answer within")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Answer within").fill("5000");
  await expect(form.getByLabel("Answer within")).not.toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Verification").selectOption("shared_secret");
  await form.getByLabel("Header").fill("not a header");
  await expect(form.getByLabel("Header")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Header")).toHaveAccessibleDescription(/Not a valid HTTP header name/);
  await form.getByLabel("Header").fill("x-order-token");
  await expect(form.getByLabel("Header")).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("secret-status")).toContainText("No secret set");
  await scan(page, testInfo, "webhook-trigger", PANEL);

  await saved(page);
  await page.reload();
  await select(page, "start");
  await expect(form.getByLabel("Starts when")).toHaveValue("webhook");
  await expect(form.getByRole("checkbox", { name: "PUT" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "POST" })).not.toBeChecked();
  await expect(form.getByLabel("Answer within")).toHaveValue("5000");
  await expect(form.getByLabel("Verification")).toHaveValue("shared_secret");
  await expect(form.getByLabel("Header")).toHaveValue("x-order-token");
  await expect(page.getByRole("region", { name: "Problems to fix before publishing" })).toHaveCount(0);

  // A template with an unclosed "{{" is named on its field, by the check the server runs on save; a reference is no error.
  await select(page, "note");
  const order = panel(page).getByLabel("Fields: order");
  await expect(order).toHaveValue("{{ trigger.body.order }}");
  await expect(order).not.toHaveAttribute("aria-invalid", "true");
  await order.fill("Order {{ trigger.body.order");
  await order.blur();
  await expect(order).toHaveAttribute("aria-invalid", "true");
  await expect(order).toHaveAccessibleDescription(/"\{\{" at position 7 is never closed with "\}\}"/);
  await order.fill("Order {{ trigger.body.order }}");
  await expect(order).not.toHaveAttribute("aria-invalid", "true");
  expect(errors).toEqual([]);
});

test("a schedule trigger is configured through its form: every weekday at a time, a cron that does not parse named on its field, the next runs, live when active", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Sched Uler", "trigger-schedule");
  await createFirstWorkflow(page, "Weekday report");
  await placeSteps(page, [{ id: "start", kind: "trigger" }, set("tick", { at: "{{ trigger.scheduledAt }}" })]);
  await select(page, "start");

  const form = page.getByTestId("trigger-config");
  await form.getByLabel("Starts when").selectOption("schedule");
  await form.getByLabel("Unit").selectOption("weekdays");
  await form.getByLabel("Time", { exact: true }).fill("08:30");
  await expect(form.getByTestId("schedule-summary")).toHaveText("Monday to Friday at 08:30 (30 8 * * MON-FRI)");
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  const preview = form.getByTestId("schedule-preview");
  await expect(preview).toContainText("Next runs (Europe/Berlin)");
  await expect(preview.locator("ol > li")).toHaveCount(5, SERVER);
  for (const time of await preview.locator("ol time").allTextContents()) {
    expect(time).toMatch(/08[:.]30/); // 08:30 in the schedule's own time zone
    expect(time).not.toMatch(/Sat|Sun/);
  }

  // A cron typed by hand: one that does not parse is named on the field, as the server would name it.
  await form.getByRole("radio", { name: /Cron expression/ }).check();
  const cron = form.getByRole("textbox", { name: "Cron expression" });
  await expect(cron).toHaveValue("30 8 * * MON-FRI");
  await cron.fill("0 9 * *");
  await expect(cron).toHaveAttribute("aria-invalid", "true");
  await expect(cron).toHaveAccessibleDescription(/A cron expression has 5 fields .*; this one has 4/);
  await expect(preview).toHaveCount(0);
  await cron.fill("0 9 * * MON-FRI");
  await form.getByLabel("Time zone").fill("Europe/Berlinn");
  await expect(form.getByLabel("Time zone")).toHaveAccessibleDescription(/"Europe\/Berlinn" is not an IANA timezone name/);
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await expect(preview.locator("ol > li")).toHaveCount(5, SERVER);
  await scan(page, testInfo, "schedule-trigger", PANEL);

  await saved(page);
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();
  const status = form.getByTestId("trigger-status");
  await expect(status).toContainText("Inactive", SERVER);
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1", SERVER);
  await expect(status).toContainText("Scheduled", SERVER);
  await expect(status).toContainText("(Europe/Berlin)");
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(status).toContainText("Inactive", SERVER);
  expect(errors).toEqual([]);
});

test("a Code step is written in the code editor (highlighted), and the run does what it says", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Cody Coder", "trigger-code");
  await createFirstWorkflow(page, "Doubler by form");
  await placeSteps(page, [{ id: "start", kind: "trigger" }, { id: "double", kind: "action", action: { integration: "code", version: "1.0.0", key: "run_code" }, input: {} }]);
  await select(page, "double");

  const code = panel(page).getByLabel("Code", { exact: true });
  await code.fill("// twice the number\nreturn inputs.n * 2;");
  await expect(panel(page).locator("[data-language=javascript] pre span.italic")).toHaveText("// twice the number");
  await panel(page).getByRole("button", { name: "Add input" }).click();
  await panel(page).getByLabel("Inputs key 1").fill("n");
  await panel(page).getByLabel("Inputs: n").fill("{{ trigger.body.n }}");
  await scan(page, testInfo, "code-step", PANEL);
  await saved(page);

  await page.getByRole("button", { name: "Run…" }).click();
  const runDialog = page.getByRole("dialog", { name: "Run workflow" });
  await runDialog.getByLabel("Input (JSON)").fill('{"n": 21}');
  await runDialog.getByRole("button", { name: "Start test run" }).click();
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);
  await page.getByTestId("step-double").getByRole("button").click();
  await expect(page.getByTestId("step-output")).toContainText('"result": 42');
  expect(errors).toEqual([]);
});

test("'Connect new' on a step's connection picker saves the connection in a dialog over the editor and selects it", async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Connie Nector", "connect-new");
  await createFirstWorkflow(page, "Authed call");
  const editorUrl = page.url();
  await placeSteps(page, [{ id: "start", kind: "trigger" }, { id: "call", kind: "action", action: { integration: "http-request", version: "1.2.0", key: "send_request" }, input: { url: "https://example.com/me" } }]);
  await select(page, "call");
  const picker = panel(page).getByLabel("Connection", { exact: true });
  await expect(picker.locator("option:checked")).toHaveText("None");

  await panel(page).getByRole("button", { name: "Connect new…" }).click();
  const dialog = page.getByRole("dialog", { name: "Connect HTTP Request" });
  await dialog.getByLabel("Connection name").fill("Example API token");
  await dialog.getByLabel("HTTP authentication type").selectOption("bearer");
  await expect(dialog.getByLabel("Token")).toHaveAttribute("type", "password");
  await dialog.getByLabel("Token").fill("e2e-bearer-token-123");
  await scan(page, testInfo, "connect-new");
  await dialog.getByRole("button", { name: "Save and use" }).click();

  await expect(dialog).toBeHidden(SERVER);
  await expect(picker.locator("option:checked")).toHaveText("Example API token");
  expect(page.url()).toBe(editorUrl);
  await saved(page);
  await expect(page.locator("body")).not.toContainText("e2e-bearer-token-123");
  expect(errors).toEqual([]);
});

test("a viewer sees the trigger's and each step's configuration, every field read-only", async ({ page, browser }, testInfo) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const errors = watchErrors(viewerPage);
  const viewer = await signUp(viewerPage, "Vera Viewer", "trigger-viewer");

  const owner = await signUp(page, "Olga Owner", "trigger-owner");
  await createFirstWorkflow(page, "Shared hook");
  await placeSteps(page, [
    { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "hmac" } } },
    { id: "call", kind: "action", action: { integration: "core", version: "1", key: "http_request" }, input: { url: "https://example.com/{{ trigger.body.id }}", method: "POST" }, settings: { retry: { maxAttempts: 2 } } },
    { id: "each", kind: "loop", items: "{{ steps.call.output.body.items }}" },
  ]);
  const workflowPath = new URL(page.url()).pathname;
  await inviteAndAccept({ page, email: owner.email }, { page: viewerPage, email: viewer.email }, owner.workspaceId, "viewer");

  await viewerPage.setViewportSize({ width: 1280, height: 800 });
  await viewerPage.goto(workflowPath);
  await expect(canvas(viewerPage).getByTestId("graph-node-call")).toBeVisible();
  await select(viewerPage, "start");
  const form = viewerPage.getByTestId("trigger-config");
  await expect(form.getByLabel("Starts when")).toBeDisabled();
  await expect(form.getByRole("checkbox", { name: "POST" })).toBeDisabled();
  await expect(form.getByLabel("Verification")).toBeDisabled();
  await expect(form.getByLabel("Algorithm")).toBeDisabled();
  for (const name of ["Create the URL", "Rotate URL…", "Set secret"]) await expect(form.getByRole("button", { name })).toHaveCount(0);
  await scan(viewerPage, testInfo, "viewer-trigger");

  await select(viewerPage, "call");
  await expect(panel(viewerPage).getByLabel("Name")).toBeDisabled();
  await expect(panel(viewerPage).getByLabel("URL", { exact: true })).toBeDisabled();
  await expect(panel(viewerPage).getByLabel("Method", { exact: true })).toBeDisabled();
  await expect(panel(viewerPage).getByRole("button", { name: "Add header" })).toHaveCount(0);
  await panel(viewerPage).getByRole("tab", { name: "Settings" }).click();
  await expect(panel(viewerPage).getByLabel("Attempts")).toBeDisabled();
  await expect(panel(viewerPage).getByLabel("Attempts")).toHaveValue("2");

  await select(viewerPage, "each");
  await expect(panel(viewerPage).getByLabel("Items")).toBeDisabled();
  await expect(panel(viewerPage).getByLabel("Concurrency")).toBeDisabled();
  expect(errors).toEqual([]);
  await viewerContext.close();
});
