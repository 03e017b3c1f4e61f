import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { inviteAndAccept } from "./mail-helpers";
import { OWN_PAGE_HEADERS } from "./own-page-headers";
import { signUpWithWorkflow } from "./editor-helpers";

// The editor's bar (canvas tools, Connect…, Test, JSON, the draft's state, Revert, Save draft) fits one row at
// 1280×800 whatever the draft's state says; and a viewer sees the canvas read-only: no editing tools at all
// (not tools that only look disabled), no palette, no step menu or "+", and the editing keys do nothing.

test.describe.configure({ timeout: 120_000 });

const set = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });
const nodes = [{ id: "start", kind: "trigger", position: { x: 0, y: 0 } }, { ...set("greet", { text: "Hello {{ trigger.body.name }}" }), position: { x: 280, y: 0 } }];
const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });

/** Saves the graph as the draft's first revision through the API and reloads (placing steps is tested elsewhere). */
async function placeSteps(page: Page) {
  const [, , workspaceId, , workflowId] = new URL(page.url()).pathname.split("/");
  const graph = { schemaVersion: 1, nodes, edges: [{ id: "start-out-greet", source: "start", target: "greet" }] };
  const saved = await page.request.post("/api/trpc/workflow.saveDraft", { headers: OWN_PAGE_HEADERS, data: { json: { workspaceId, workflowId, draftRevision: 1, graph } } });
  expect(saved.status()).toBe(200);
  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toBeVisible();
  return workspaceId!;
}

async function select(page: Page, id: string) {
  await expect(async () => {
    await canvas(page).getByTestId(`graph-node-${id}`).click();
    await expect(page.getByTestId("node-inspector").getByLabel("Node")).toHaveValue(id, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

/** The bar is one row: the canvas tools and Save draft sit on the same line, and the bar is one control high. */
async function expectOneRow(page: Page) {
  const tools = await page.getByRole("toolbar", { name: "Canvas" }).boundingBox();
  const save = await page.getByRole("button", { name: "Save draft" }).boundingBox();
  const status = await page.getByTestId("draft-state").boundingBox();
  expect(tools && save && status).toBeTruthy();
  expect(Math.abs(tools!.y + tools!.height / 2 - (save!.y + save!.height / 2))).toBeLessThan(4);
  expect(Math.abs(tools!.y + tools!.height / 2 - (status!.y + status!.height / 2))).toBeLessThan(4);
}

test("the editor's bar fits one row at 1280×800, saved and while saving", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Rowan Row", tag: "bar" }, "One row");
  await placeSteps(page);
  await select(page, "greet");
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await expectOneRow(page);
  await shoot(page, testInfo, "editor-bar");

  // While a save is on the wire ("Saving…" is wider than "Saved").
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route((u) => u.pathname.includes("workflow.saveDraft"), async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId("node-inspector").getByLabel("Name").fill("Say hello");
  await expect(page.getByTestId("draft-state")).toHaveText("Saving…");
  await expectOneRow(page);
  release();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  // Each tool still says what it does.
  for (const name of ["Undo", "Redo", "Duplicate", "Delete", "Tidy up", "Add note", "Keyboard shortcuts"]) await expect(page.getByRole("toolbar", { name: "Canvas" }).getByRole("button", { name, exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(canvas(page).getByTestId("graph-node-greet")).not.toContainText("Say hello");
});

test("a viewer sees the canvas read-only: no editing tools, palette, step menu or +, and the editing keys do nothing", async ({ page, browser }, testInfo) => {
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const viewerEmail = `e2e-bar-viewer-${stamp}@example.com`;
  await viewerPage.goto("/sign-up");
  await viewerPage.getByLabel("Name").fill("Vic Viewer");
  await viewerPage.getByLabel("Email").fill(viewerEmail);
  await viewerPage.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await viewerPage.getByRole("button", { name: "Create account" }).click();
  await expect(viewerPage).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Owen Owner", tag: "bar-owner" }, "Shared read-only");
  // The owner's edit leaves an undo history with the draft: a viewer must not be offered it.
  const workspaceId = await placeSteps(page);
  await select(page, "greet");
  await page.getByTestId("node-inspector").getByLabel("Name").fill("Say hello");
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  const workflowPath = new URL(page.url()).pathname;
  // Invitations need the invitee's consent: the owner invites, the viewer accepts from the mailed link.
  await page.goto(`/w/${workspaceId}/settings`);
  const ownerEmail = /e2e-bar-owner-\S+@example\.com/.exec((await page.getByRole("button", { name: /^Account:/ }).textContent()) ?? "")![0];
  await inviteAndAccept({ page, email: ownerEmail }, { page: viewerPage, email: viewerEmail }, workspaceId, "viewer");

  const errors: string[] = [];
  viewerPage.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  viewerPage.on("pageerror", (e) => errors.push(e.message));
  await viewerPage.setViewportSize({ width: 1280, height: 800 });
  await viewerPage.goto(workflowPath);
  await expect(canvas(viewerPage).getByTestId("graph-node-greet")).toContainText("Say hello");
  await expect(viewerPage.getByTestId("draft-state")).toHaveText("Read-only: you have view access.");
  await select(viewerPage, "greet");

  const toolbar = viewerPage.getByRole("toolbar", { name: "Canvas" });
  for (const name of ["Undo", "Redo", "Duplicate", "Delete", "Tidy up", "Add note"]) await expect(toolbar.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(toolbar.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
  for (const name of ["Connect…", "Save draft", "Revert"]) await expect(viewerPage.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(viewerPage.getByRole("region", { name: "Add steps" })).toHaveCount(0);
  await expect(canvas(viewerPage).getByRole("button", { name: "Actions for greet" })).toHaveCount(0);
  await expect(canvas(viewerPage).getByRole("button", { name: /^Add a step after/ })).toHaveCount(0);
  await expect(canvas(viewerPage).getByRole("button", { name: /^Insert a step between/ })).toHaveCount(0);
  await shoot(viewerPage, testInfo, "editor-viewer");

  // The editing keys: undo, delete, duplicate, the command palette and connect do nothing.
  await canvas(viewerPage).locator('.react-flow__node[data-id="greet"]').focus();
  for (const key of ["Control+z", "Delete", "Control+d", "Control+k", "c"]) await viewerPage.keyboard.press(key);
  await expect(viewerPage.getByRole("dialog")).toHaveCount(0);
  await expect(canvas(viewerPage).getByTestId("graph-node-greet")).toContainText("Say hello");
  await expect(canvas(viewerPage).locator(".react-flow__node")).toHaveCount(2);
  expect(errors).toEqual([]);
  await viewerContext.close();
});
