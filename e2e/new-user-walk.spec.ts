import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { openTestPanel, signUpWithWorkflow } from "./editor-helpers";

// Issue 12's walk, as a new user takes it, without typing JSON: sign up, build a workflow from the palette
// (webhook → HTTP Request to a loopback API → if → Code), configure it through the forms, test it with a
// fixture, map the trigger's body into the request with the picker, publish, activate, send a real delivery and
// watch the run; then break a step and retry from it, undo across a reload, copy steps into a second workflow,
// resolve a two-tab conflict, and add and connect a step with the keyboard alone. One signed-up user throughout;
// the tests run in order, each taking the walk on from where the last left it.

test.describe.configure({ mode: "serial" });
// Runs through Temporal and the worker on a busy 2-core machine: every wait is for a state, and generous.
const RUN_FINISHES = { timeout: 90_000 };
const SERVER = { timeout: 30_000 };

/** The third party the HTTP Request calls: a loopback API that greets whoever is named in its JSON body. */
type Received = { method: string; url: string; body: string };
let api: Server;
let apiUrl = "";
const received: Received[] = [];

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  api = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", body });
      // The step sends a form (name=…); anything else greets nobody.
      const name = (req.headers["content-type"] ?? "").includes("form") ? (new URLSearchParams(body).get("name") ?? "nobody") : "nobody";
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ greeting: `Hello, ${name}`, vip: name === "Ada Lovelace" }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  // The system clipboard is used for copy and paste across workflows.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ["clipboard-read", "clipboard-write"] });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => api.close(() => resolve()));
});

/** The page at 1280×800 in light and dark, kept with the test's results for a person to look at. */
async function shoot(p: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await p.emulateMedia({ colorScheme });
    await p.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await p.emulateMedia({ colorScheme: null });
}

const canvas = (p: Page) => p.getByRole("region", { name: "Workflow canvas" });
const inspector = (p: Page) => p.getByTestId("node-inspector");
const palette = (p: Page) => p.getByRole("region", { name: "Add steps" });

/** Selects a drawn step (clicked again until the page has hydrated and the panel shows it). */
async function select(p: Page, id: string) {
  await expect(async () => {
    await canvas(p).getByTestId(`graph-node-${id}`).click();
    await expect(inspector(p).getByLabel("Node", { exact: true })).toHaveValue(id, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** The draft saves itself after each edit: wait until it says it did. */
async function saved(p: Page) {
  await expect(p.getByTestId("draft-state")).toHaveText("Saved", SERVER);
}

/** Picks an entry in the palette column: search, then Enter adds it after the selected step. */
async function addFromPalette(p: Page, search: string, id: string) {
  const box = palette(p).getByRole("combobox", { name: "Search steps" });
  await box.fill(search);
  await box.press("Enter");
  await expect(canvas(p).getByTestId(`graph-node-${id}`)).toBeVisible();
  await expect(inspector(p).getByLabel("Node", { exact: true })).toHaveValue(id);
  await box.fill("");
}

test("sign up, build webhook → HTTP Request → if → Code from the palette, and configure each through its form", async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  await signUpWithWorkflow(page, { name: "Walker Newman", tag: "walk" }, "Greet new signups");

  // The palette lists what can be added; the webhook trigger is picked first (hydration: picked again until it lands).
  await expect(palette(page).getByRole("group", { name: "Triggers" }).getByRole("option", { name: /^Webhook ?:/ })).toBeVisible();
  await expect(async () => {
    await palette(page).getByRole("option", { name: /^Webhook ?:/ }).click();
    await expect(canvas(page).getByTestId("graph-node-webhook")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(inspector(page).getByLabel("Node", { exact: true })).toHaveValue("webhook");
  // Each pick goes after the selected step, so picking one after another builds the chain.
  await addFromPalette(page, "http request", "send_http_request");
  await addFromPalette(page, "if", "if");
  await addFromPalette(page, "javascript", "run_javascript");
  await expect(canvas(page).getByRole("button", { name: "Insert a step between webhook and send_http_request" })).toBeVisible();
  await expect(canvas(page).getByRole("button", { name: "Insert a step between send_http_request and if" })).toBeVisible();
  await expect(canvas(page).getByRole("button", { name: "Insert a step between if and run_javascript (true)" })).toBeVisible();
  await saved(page);
  // Saved while incomplete: the problems are listed, to fix before publishing.
  await expect(page.getByRole("region", { name: "Problems to fix before publishing" })).toContainText("if · expression");
  await shoot(page, testInfo, "walk-built");

  // The webhook: POST only, no verification for this walk.
  await select(page, "webhook");
  const trigger = page.getByTestId("trigger-config");
  await expect(trigger.getByLabel("Starts when")).toHaveValue("webhook");
  await expect(trigger.getByRole("checkbox", { name: "POST" })).toBeChecked();
  await trigger.getByLabel("Verification").selectOption("none");

  // The HTTP Request: POST to the loopback API.
  await select(page, "send_http_request");
  await inspector(page).getByLabel("Name").fill("Ask the greeter");
  await inspector(page).getByLabel("Method", { exact: true }).selectOption({ label: "POST" });
  const url = inspector(page).getByLabel("URL", { exact: true });
  await expect(url).toBeVisible(SERVER);
  await url.fill(`${apiUrl}/greet`);
  await expect(url).not.toHaveAttribute("aria-invalid", "true");

  // The if: true when the API called the person a VIP.
  await select(page, "if");
  await inspector(page).getByRole("textbox", { name: "Expression" }).fill("steps.send_http_request.output.body.vip == true");

  // The Code step, in the code editor; its input through the key-value form.
  await select(page, "run_javascript");
  await inspector(page).getByLabel("Code", { exact: true }).fill('return inputs.greeting + "!";');
  await inspector(page).getByRole("button", { name: "Add input" }).click();
  await inspector(page).getByLabel("Inputs key 1").fill("greeting");
  await inspector(page).getByLabel("Inputs: greeting").fill("{{ steps.send_http_request.output.body.greeting }}");
  await saved(page);
  await expect(page.getByRole("region", { name: "Problems to fix before publishing" })).toHaveCount(0, SERVER);
  await shoot(page, testInfo, "walk-configured");
});

test("test the draft with a fixture, then map the trigger's body into the request with the picker (the preview shows the value)", async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  // The test panel under the canvas: a fixture made field by field, as the webhook's body would hold it.
  const panel = await openTestPanel(page);
  await panel.getByRole("button", { name: "New fixture" }).click();
  const dialog = page.getByRole("dialog", { name: "New test fixture" });
  await dialog.getByLabel("Name").fill("Ada signs up");
  await dialog.getByLabel("Field 1 path").fill("name");
  await dialog.getByLabel("Field 1 value").fill("Ada Lovelace");
  await dialog.getByRole("button", { name: "Save fixture" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId("fixture-provenance")).toContainText("entered by hand");

  // The whole draft, unpublished, with the fixture as the trigger's data: each node shows how it went.
  await panel.getByRole("button", { name: "Test workflow" }).click();
  await expect(panel.getByTestId("test-run-summary")).toContainText("Succeeded", RUN_FINISHES);
  await expect(canvas(page).getByTestId("graph-node-send_http_request")).toHaveAttribute("data-state", "succeeded");
  await expect(canvas(page).getByTestId("graph-node-if")).toHaveAttribute("data-state", "succeeded");
  // Nobody is named yet, so the API says no VIP: the if went "false" and the Code step did not run.
  await expect(canvas(page).getByTestId("graph-node-run_javascript")).toHaveAttribute("data-state", "");
  await expect(canvas(page).getByTestId("graph-node-webhook")).toHaveAttribute("data-state", "pinned");
  await expect(panel.getByTestId("test-run-summary")).toContainText('with fixture "Ada signs up"');
  // The API was called, but with no body yet: it greeted nobody.
  expect(received.at(-1)).toMatchObject({ method: "POST", url: "/greet" });
  await shoot(page, testInfo, "walk-tested");

  // Map the fixture's name into the request's body: a form field whose value comes from the picker.
  await select(page, "send_http_request");
  await inspector(page).getByLabel("Body type").selectOption("form");
  await inspector(page).getByRole("button", { name: "Add data" }).click();
  await inspector(page).getByLabel("Data key 1").fill("name");
  const value = inspector(page).getByLabel("Data: name");
  await value.click();
  await value.press("Control+Space");
  const picker = page.getByRole("dialog", { name: "Insert data from earlier steps" });
  await expect(picker).toBeVisible();
  await picker.getByLabel("Search fields").fill("name");
  await expect(picker.locator('[data-expression="trigger.body.name"]')).toContainText('"Ada Lovelace"');
  // Looked at while open, as an autosave of the row just typed lands: the picker stays open through it.
  await shoot(page, testInfo, "walk-picker");
  await picker.locator('[data-expression="trigger.body.name"]').click();
  await expect(picker).toBeHidden();
  await expect(value).toHaveValue("{{ trigger.body.name }}");
  await expect(inspector(page).getByTestId("template-preview-value").first()).toHaveText("Ada Lovelace");
  await saved(page);

  // Tested again: now the API greets Ada, and the if takes its "true" path into the Code step.
  await panel.getByRole("button", { name: "Test workflow" }).click();
  await expect(canvas(page).getByTestId("graph-node-run_javascript")).toHaveAttribute("data-state", "succeeded", RUN_FINISHES);
  await expect.poll(() => received.at(-1)?.body).toBe("name=Ada+Lovelace");
  await select(page, "run_javascript");
  await expect(panel.getByTestId("result-output")).toContainText('"Hello, Ada Lovelace!"');
  await shoot(page, testInfo, "walk-mapped");
});

test("publish, activate, send a real delivery to the webhook and watch the run on the canvas", async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await expect(publish.getByTestId("publish-problems")).toHaveCount(0);
  await expect(publish.getByTestId("publish-changes")).toContainText("Changes in this first version");
  await publish.getByLabel("What changed").fill("Greet new signups");
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByTestId("toasts")).toContainText("Published version 1");

  const active = page.getByRole("switch", { name: "Active" });
  await active.click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1", SERVER);
  await expect(active).toHaveAttribute("aria-checked", "true");

  // The webhook's URL, in the trigger's configuration: a real delivery to it.
  await select(page, "webhook");
  const section = page.getByTestId("webhook-section");
  await expect(section.getByText("Listening", { exact: true })).toBeVisible(SERVER);
  const hookUrl = await section.getByLabel("Webhook URL").inputValue();
  const delivered = await page.request.post(hookUrl, { data: { name: "Grace Hopper" } });
  expect(delivered.status()).toBe(202);
  await shoot(page, testInfo, "walk-active");

  // The run, from the workflow's Runs tab, drawn on its canvas as it goes.
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Runs" }).click();
  // Newest first, above the two test runs of the draft: the delivery's run of version 1.
  await expect(page.getByTestId("run-row")).toHaveCount(3, SERVER);
  await expect(page.getByTestId("run-row").first()).toContainText("v1");
  await page.getByTestId("run-row").first().getByRole("link").first().click();
  const run = page.getByRole("region", { name: "Run graph" });
  await expect(page.getByTestId("run-status").first()).toHaveText(/Succeeded/, RUN_FINISHES);
  await expect(run.getByTestId("graph-node-send_http_request")).toHaveAttribute("data-state", "succeeded");
  await expect(run.getByTestId("graph-node-if")).toHaveAttribute("data-state", "succeeded");
  // Grace is no VIP to the API: the if went "false", and the Code step did not run.
  await expect(run.getByTestId("graph-node-run_javascript")).not.toHaveAttribute("data-state", "succeeded");
  await shoot(page, testInfo, "walk-run");
});

/** The editor of the walk's workflow, from wherever the walk is (the run page links back to it). */
async function backToEditor(p: Page) {
  await p.getByRole("link", { name: "Greet new signups", exact: true }).first().click();
  await expect(p.getByRole("heading", { level: 1, name: "Greet new signups" })).toBeVisible();
  await expect(canvas(p).getByTestId("graph-node-run_javascript")).toBeVisible();
}

async function publishNext(p: Page, version: number, message: string) {
  await p.getByRole("button", { name: "Publish…" }).click();
  const publish = p.getByRole("dialog", { name: "Publish workflow" });
  await expect(publish.getByTestId("publish-changes")).toContainText(`Changes since version ${version - 1}`);
  await publish.getByLabel("What changed").fill(message);
  await publish.getByRole("button", { name: `Publish version ${version}` }).click();
  await expect(publish).toBeHidden();
  await expect(p.getByTestId("toasts")).toContainText(`Published version ${version}`);
}

/** A real delivery to the webhook (its URL read from the trigger's configuration); the run's page opens from the Runs tab. */
async function deliverAndOpenRun(p: Page, body: Record<string, unknown>, runs: number) {
  await select(p, "webhook");
  const hookUrl = await p.getByTestId("webhook-section").getByLabel("Webhook URL").inputValue();
  expect((await p.request.post(hookUrl, { data: body })).status()).toBe(202);
  await p.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Runs" }).click();
  // The list is read when the page opens: looked at again until the delivery's run is in it.
  await expect(async () => {
    await p.reload();
    await expect(p.getByTestId("run-row")).toHaveCount(runs, { timeout: 3000 });
  }).toPass(RUN_FINISHES);
  await p.getByTestId("run-row").first().getByRole("link").first().click();
}

test("break the Code step, see the failure on its node, fix it, and retry from the failed step", async () => {
  const testInfo = test.info();
  test.setTimeout(240_000);
  await backToEditor(page);
  // Broken: the code reads a name it never got.
  await select(page, "run_javascript");
  await inspector(page).getByLabel("Code", { exact: true }).fill("return inputs.greeting + missing;");
  await saved(page);
  await publishNext(page, 2, "Shout the greeting");

  // Ada is a VIP to the API: the if goes "true" and the broken step runs, and fails.
  await deliverAndOpenRun(page, { name: "Ada Lovelace" }, 4);
  await expect(page.getByTestId("run-status").first()).toHaveText("Failed", RUN_FINISHES);
  const run = page.getByRole("region", { name: "Run graph" });
  await expect(run.getByTestId("graph-node-run_javascript")).toHaveAttribute("data-state", "failed");
  await expect(run.getByTestId("graph-node-send_http_request")).toHaveAttribute("data-state", "succeeded");
  await expect(page.getByTestId("run-error")).toContainText("missing is not defined");
  const failedRun = page.url();
  await shoot(page, testInfo, "walk-failed");

  // Fixed in the editor and published as version 3.
  await backToEditor(page);
  await select(page, "run_javascript");
  await inspector(page).getByLabel("Code", { exact: true }).fill('return inputs.greeting + "!";');
  await saved(page);
  await publishNext(page, 3, "Fix the greeting");

  // Retried from the failed step on the fixed version: the API's answer is reused, the Code step runs again.
  await page.goto(failedRun);
  await page.getByRole("button", { name: "Retry from failed step" }).click();
  const retry = page.getByRole("dialog", { name: "Retry from the failed step?" });
  await expect(retry.getByLabel("Version 3, the current published version")).toBeChecked();
  const calls = received.length;
  await retry.getByRole("button", { name: "Retry on version 3" }).click();
  await expect(page).not.toHaveURL(failedRun);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", RUN_FINISHES);
  await expect(page.getByTestId("step-send_http_request")).toHaveAttribute("data-state", "reused");
  await expect(page.getByRole("region", { name: "Run graph" }).getByTestId("graph-node-run_javascript")).toHaveAttribute("data-state", "succeeded");
  expect(received.length).toBe(calls);
  await page.getByTestId("step-run_javascript").getByRole("button").first().click();
  await expect(page.getByTestId("step-output")).toContainText("Hello, Ada Lovelace!");
  await shoot(page, testInfo, "walk-retried");
});
