import { expect, test, type Locator, type Page } from "@playwright/test";
import { signUpWithWorkflow } from "./editor-helpers";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// Connecting on the canvas: labelled exit handles, a drag from an if's "true" exit to a step, a refused edge into
// the trigger and a refused cycle (said in words, near the canvas), an edge deleted from the keyboard and
// undone, and a sticky note written in Markdown that is still there after a reload. The draft is seeded through
// the tRPC API, as a client would; nothing is typed as JSON.

test.use({ viewport: { width: 1280, height: 800 } });

const set = (id: string, x: number, y: number) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { text: id }, position: { x, y } });
const graph = {
  schemaVersion: 1,
  nodes: [
    { id: "start", kind: "trigger", position: { x: 0, y: 60 } },
    { id: "check", kind: "branch", mode: "if", expression: "trigger.body.ok == true", position: { x: 280, y: 60 } },
    set("greet", 580, -40),
    set("later", 580, 170),
  ],
  edges: [
    { id: "start-out-check", source: "start", target: "check" },
    { id: "check-false-later", source: "check", sourceHandle: "false", target: "later" },
  ],
};

/** The draft saved through the API (superjson over tRPC's HTTP transport), then the page reloaded to show it. */
async function seedDraft(page: Page, value: unknown) {
  const [, workspaceId, workflowId] = /\/w\/([0-9a-f-]{36})\/workflows\/([0-9a-f-]{36})/.exec(page.url()) ?? [];
  expect(workspaceId && workflowId, page.url()).toBeTruthy();
  const input = encodeURIComponent(JSON.stringify({ json: { workspaceId, workflowId } }));
  const got = await page.request.get(`/api/trpc/workflow.get?input=${input}`);
  expect(got.ok()).toBe(true);
  const { draftRevision } = ((await got.json()) as { result: { data: { json: { draftRevision: number } } } }).result.data.json;
  const saved = await page.request.post("/api/trpc/workflow.saveDraft", { data: { json: { workspaceId, workflowId, draftRevision, graph: value } }, headers: OWN_PAGE_HEADERS });
  expect(saved.ok(), await saved.text()).toBe(true);
  await page.reload();
}

const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });

async function centre(l: Locator) {
  const box = await l.boundingBox();
  if (!box) throw new Error("not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A pointer drag as a person does it: press on the handle, move in steps, and (unless `hold`) let go. */
async function drag(page: Page, from: Locator, to: Locator, hold = false) {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  if (!hold) await page.mouse.up();
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
}

test("connect if→true to a step by dragging, see a refused edge into the trigger and a refused cycle, delete an edge with the keyboard and undo it, and keep a Markdown note across a reload", async ({ page }, testInfo) => {
  // A long journey (sign-up, five drags, a note, two reloads): at a load of 30 on 2 cores it took over a minute.
  test.setTimeout(180_000);
  await signUpWithWorkflow(page, { name: "Ada Connect", tag: "connect" }, "Connected");
  await seedDraft(page, graph);
  const c = canvas(page);
  await expect(c.getByTestId("graph-node-later")).toBeVisible();

  // Every step shows its exits as named handles; the trigger has no input.
  const trueExit = c.getByRole("button", { name: 'Connect from the "true" exit of check' });
  await expect(trueExit).toBeVisible();
  await expect(c.getByRole("button", { name: 'Connect from the "false" exit of check' })).toBeVisible();
  await expect(c.getByTestId("graph-node-check")).toContainText("true");
  await expect(c.getByRole("button", { name: "Connect to start" })).toHaveCount(0);
  await expect(c.getByTestId("edge-label-check-false-later")).toHaveText("false");

  // Drag from "true" to greet's input: an edge labelled "true", undoable like any edit.
  await drag(page, trueExit, c.getByRole("button", { name: "Connect to greet" }));
  await expect(c.getByTestId("edge-label-check-true-greet")).toHaveText("true");
  await expect(c.getByTestId("rf__edge-check-true-greet")).toBeVisible();

  // An edge into the trigger, dropped on it, is refused with the server's reason, in a live region.
  await drag(page, c.getByRole("button", { name: 'Connect from the "out" exit of greet' }), c.getByTestId("graph-node-start"));
  await expect(page.getByRole("status").filter({ hasText: 'Not connected: Nothing can lead into the trigger ("start").' })).toBeVisible();
  await expect(c.locator(".react-flow__edge")).toHaveCount(3);

  // While dragging over a step's input that would close a cycle, the line shows it invalid; letting go says why.
  await drag(page, c.getByRole("button", { name: 'Connect from the "out" exit of later' }), c.getByRole("button", { name: "Connect to check" }), true);
  await expect(c.getByTestId("connection-line")).toHaveAttribute("data-status", "invalid");
  // React Flow marks the input under the pointer "connectingto", and "valid" only when the check accepts it.
  const input = c.getByRole("button", { name: "Connect to check" });
  await expect.poll(() => input.evaluate((el) => [el.classList.contains("connectingto"), el.classList.contains("valid")])).toEqual([true, false]);
  await page.mouse.up();
  await expect(page.getByTestId("connect-status")).toContainText('This would close a cycle through "check"');
  await expect(c.locator(".react-flow__edge")).toHaveCount(3);

  // Keyboard only: focus the new edge, select it with Enter, delete it; Ctrl+Z brings it back.
  const edge = c.getByTestId("rf__edge-check-true-greet");
  await edge.focus();
  await page.keyboard.press("Enter");
  await expect(c.getByRole("button", { name: "Remove the connection from check (true) to greet" })).toBeVisible();
  await page.keyboard.press("Delete");
  await expect(c.getByTestId("rf__edge-check-true-greet")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(c.getByTestId("rf__edge-check-true-greet")).toBeVisible();
  // The remove button on a selected edge does the same.
  await c.getByTestId("rf__edge-check-false-later").focus();
  await page.keyboard.press("Enter");
  await c.getByRole("button", { name: "Remove the connection from check (false) to later" }).click();
  await expect(c.getByTestId("rf__edge-check-false-later")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(c.getByTestId("rf__edge-check-false-later")).toBeVisible();

  // A sticky note: added from the toolbar, typed as Markdown, shown rendered (and safe), saved with the draft.
  await page.getByRole("button", { name: "Add note" }).click();
  const text = page.getByLabel("Note text (Markdown)");
  await expect(text).toBeFocused();
  await text.fill("## Plan\n\nCall the **API** then `retry`.\n\n- ask <b>twice</b>\n- [docs](https://example.com/docs)");
  await page.keyboard.press("Escape");
  const note = c.getByTestId("note-note");
  await expect(note.locator("strong")).toHaveText("API");
  await expect(note.locator("code")).toHaveText("retry");
  await expect(note.getByRole("link", { name: "docs" })).toHaveAttribute("href", "https://example.com/docs");
  await expect(note).toContainText("ask <b>twice</b>");
  await save(page);

  // Zoom controls, fit view and the minimap (off by default on a graph this small, where it would cover a step).
  await expect(c.locator(".react-flow__minimap")).toHaveCount(0);
  await c.getByRole("button", { name: "Show the minimap" }).click();
  await expect(c.locator(".react-flow__minimap")).toBeVisible();
  await c.getByRole("button", { name: "Fit view" }).click();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Transitions finished: a shot mid colour transition shows light buttons in dark mode.
    await c.screenshot({ path: testInfo.outputPath(`editor-connect-canvas-${colorScheme}.png`), animations: "disabled" });
    await page.screenshot({ path: testInfo.outputPath(`editor-connect-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });

  await page.reload();
  await expect(c.getByTestId("note-note").locator("strong")).toHaveText("API");
  await expect(c.getByTestId("edge-label-check-true-greet")).toHaveText("true");
  // Undo survives the reload: the typing goes back to the new note's text, then the note goes; redo brings both.
  await page.getByRole("heading", { level: 1, name: "Connected" }).click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(c.getByTestId("note-note")).toContainText("Double-click (or press Enter) to edit.");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(c.getByTestId("note-note")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(c.getByTestId("note-note").locator("strong")).toHaveText("API");
});
