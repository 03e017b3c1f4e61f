import { expect, test, type Page } from "@playwright/test";
import { greetShoutGraph as graph, jsonDraft, signUpWithWorkflow } from "./editor-helpers";

// The canvas as an editor: delete, undo and redo with the usual keys, an undo history that survives a reload,
// copy and paste of steps through the clipboard, and a clear message for a clipboard that holds no steps.


const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });

async function save(page: Page) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
}

/** Clipboard events as the browser fires them for Ctrl+C / Ctrl+V, with a real DataTransfer. */
async function copyEvent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.body.dispatchEvent(new ClipboardEvent("copy", { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData("text/plain");
  });
}
async function pasteEvent(page: Page, text: string) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test("delete a step and save, Ctrl+Z restores it and save, reload: Ctrl+Shift+Z deletes it again and Ctrl+Z restores it", async ({ page }) => {
  await signUpWithWorkflow(page, { name: "Ada Editor", tag: "editor" }, "Undoable");
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await save(page);

  await canvas(page).getByTestId("graph-node-shout").click();
  await page.keyboard.press("Delete");
  await expect(canvas(page).getByTestId("graph-node-shout")).toHaveCount(0);
  await save(page);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(canvas(page).getByTestId("graph-node-shout")).toBeVisible();
  await expect(await jsonDraft(page)).toHaveValue(/"greet-out-shout"/);
  await save(page);

  // The history was saved with the draft: after a reload, redo and undo carry on where they were.
  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-shout")).toBeVisible();
  await expect(page.getByRole("button", { name: "Redo" })).toBeEnabled();
  await page.getByRole("heading", { level: 1, name: "Undoable" }).click();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(canvas(page).getByTestId("graph-node-shout")).toHaveCount(0);
  await expect(await jsonDraft(page)).not.toHaveValue(/"greet-out-shout"/);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(canvas(page).getByTestId("graph-node-shout")).toBeVisible();
  await expect(await jsonDraft(page)).toHaveValue(/"greet-out-shout"/);
});

test("copy and paste steps: ids renamed, references follow; a clipboard without steps gets a clear message; ? shows the shortcuts", async ({ page }) => {
  await signUpWithWorkflow(page, { name: "Ada Editor", tag: "editor" }, "Paste");
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await save(page);

  await canvas(page).getByTestId("graph-node-greet").click();
  await canvas(page).getByTestId("graph-node-shout").click({ modifiers: ["Shift"] });
  const copied = await copyEvent(page);
  expect(JSON.parse(copied)).toMatchObject({ junction: "selection", version: 1, edges: [{ id: "greet-out-shout" }] });
  await pasteEvent(page, copied);
  await expect(canvas(page).getByTestId("graph-node-greet_2")).toBeVisible();
  await expect(canvas(page).getByTestId("graph-node-shout_2")).toBeVisible();
  await expect(await jsonDraft(page)).toHaveValue(/"\{\{ steps\.greet_2\.output\.text \}\}!"/);
  await save(page);
  // One undo takes the whole paste away.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(canvas(page).getByTestId("graph-node-greet_2")).toHaveCount(0);
  await expect(canvas(page).getByTestId("graph-node-shout_2")).toHaveCount(0);

  await pasteEvent(page, "https://example.com/not-steps");
  await expect(page.getByText("The clipboard does not hold Junction steps.", { exact: false })).toBeVisible();
  await expect(canvas(page).getByTestId("graph-node-greet")).toBeVisible();

  await page.getByRole("heading", { level: 1, name: "Paste" }).click();
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-sheet")).toContainText("Duplicate the selected steps");
});

// Two tabs saving over each other: e2e/editor-autosave.spec.ts (merged per step, or the choice asked for).
