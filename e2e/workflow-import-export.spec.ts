import { readFile } from "node:fs/promises";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { signUpWithWorkflow } from "./editor-helpers";

// Export a workflow as a file from one workspace and import it into another, as a user would: the row's menu, a
// download, a second workspace, the Import dialog with its file picker. Bad files are refused in the dialog.

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

test("a workflow exported from one workspace imports into another; a file that is not one is refused in the dialog", async ({ page }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Ivy Import", tag: "import" }, "Lead intake");
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  const palette = page.getByRole("region", { name: "Add steps" });

  // Build two steps with the palette and let autosave store them.
  await palette.getByRole("combobox", { name: "Search steps" }).fill("webhook");
  await palette.getByRole("option", { name: /^Webhook ?:/ }).click();
  await expect(canvas.getByTestId("graph-node-webhook")).toBeVisible();
  await page.keyboard.press("Control+k");
  const picker = page.getByRole("dialog", { name: "Add a step after webhook" });
  await picker.getByRole("combobox", { name: "Search steps" }).fill("http request");
  await page.keyboard.press("Enter");
  await expect(canvas.getByTestId("graph-node-send_http_request")).toBeVisible();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved", { timeout: 30_000 });

  // Export from the workflows list: a download named after the workflow, in the documented format.
  await page.getByRole("link", { name: "All workflows" }).click();
  await page.getByRole("button", { name: "Actions for Lead intake" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Export" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("lead-intake.junction.json");
  const filePath = testInfo.outputPath("lead-intake.junction.json");
  await download.saveAs(filePath);
  const file = JSON.parse(await readFile(filePath, "utf8"));
  expect(file).toMatchObject({ format: "junction-workflow", schemaVersion: 1, name: "Lead intake" });
  expect(file.graph.nodes.map((n: { id: string }) => n.id)).toEqual(["webhook", "send_http_request"]);

  // A second workspace, from the switcher.
  await page.getByTestId("workspace-switcher").click();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  await page.getByRole("dialog", { name: "Create workspace" }).getByLabel("Name").fill("Second team");
  await page.getByRole("dialog", { name: "Create workspace" }).getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByTestId("workspace-switcher")).toContainText("Second team");
  await expect(page.getByText("No workflows yet")).toBeVisible();

  // Import: bad files first, each refused next to the file field with what is wrong; nothing is created.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a workflow" });
  const picked = dialog.getByLabel("Workflow file");
  await picked.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just some notes") });
  await expect(dialog.getByRole("alert")).toContainText("“notes.txt” is not JSON");
  await expect(dialog.getByRole("button", { name: "Import workflow" })).toBeDisabled();
  await picked.setInputFiles({ name: "n8n.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ name: "From n8n", nodes: [], connections: {} })) });
  await expect(dialog.getByRole("alert")).toContainText("This is not a Junction workflow file");
  await picked.setInputFiles({ name: "future.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...file, schemaVersion: 7 })) });
  await expect(dialog.getByRole("alert")).toContainText("exported by a newer Junction (workflow file version 7)");

  // The exported file: what it holds, its name to change, then it opens in the editor.
  await picked.setInputFiles(filePath);
  await expect(dialog.getByTestId("import-summary")).toHaveText("2 steps");
  await expect(dialog.getByLabel("Name")).toHaveValue("Lead intake");
  await dialog.getByLabel("Name").fill("Lead intake (team)");
  await shoot(page, testInfo, "import-dialog");
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Lead intake (team)" })).toBeVisible();
  await expect(canvas.getByTestId("graph-node-webhook")).toBeVisible();
  await expect(canvas.getByTestId("graph-node-send_http_request")).toBeVisible();
  await page.getByRole("link", { name: "All workflows" }).click();
  await expect(page.getByRole("list", { name: "Workflows" }).getByRole("listitem")).toHaveCount(1);
});
