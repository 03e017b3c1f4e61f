import { expect, type Page } from "@playwright/test";
import { jsonDraft } from "./editor-helpers";

/** The draft replaced through the editor's advanced JSON view, saved (setup for specs about runs, not editing). */
export async function saveGraph(page: Page, graph: unknown) {
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
}

/** Publish… → version `number`. */
export async function publish(page: Page, number: number) {
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish workflow" });
  await dialog.getByRole("button", { name: `Publish version ${number}` }).click();
  await expect(dialog).toBeHidden();
}

/** Run… → the latest published version with this input; the run opens. */
export async function runPublished(page: Page, input: unknown) {
  await page.getByRole("button", { name: "Run…" }).click();
  const dialog = page.getByRole("dialog", { name: "Run workflow" });
  await expect(dialog.getByLabel(/Latest published version/)).toBeChecked();
  await dialog.getByLabel("Input (JSON)").fill(JSON.stringify(input));
  await dialog.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);
}
