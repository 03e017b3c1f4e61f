import { expect, test, type Page } from "@playwright/test";
import { greetShoutGraph as graph, jsonDraft, signUpWithWorkflow } from "./editor-helpers";

// An autosave landing never takes what the person is in the middle of: a step's menu stays open, a dialog keeps
// what was typed in it, and a field of the step panel keeps its text and focus. Each save is held on the wire
// while the person opens or types, then released, so it lands at that moment every time.

test.describe.configure({ timeout: 120_000 });


const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });
const state = (page: Page) => page.getByTestId("draft-state");
const inspector = (page: Page) => page.getByTestId("node-inspector");
const saves = (url: URL) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes("workflow.saveDraft");

async function openSeededWorkflow(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Kim Keepsopen", tag: "keepsopen" }, name);
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await expect(canvas(page).getByTestId("graph-node-shout")).toBeVisible();
  await expect(state(page)).toHaveText("Saved");
  // The JSON view closed again, so only the canvas and the step panel are in play.
  await page.getByRole("button", { name: "Advanced: JSON" }).click();
  await expect(page.getByLabel("Draft graph JSON")).toBeHidden();
}

/** Holds every save until the returned function is called; saves after that go straight through. */
async function holdSaves(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(saves, async (route) => {
    await held;
    await route.continue();
  });
  return async () => release();
}

/** Selects a step by clicking its drawn node (retried until the page is hydrated). */
async function select(page: Page, id: string) {
  await expect(async () => {
    await canvas(page).getByTestId(`graph-node-${id}`).click();
    await expect(inspector(page).getByLabel("Node")).toHaveValue(id, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("a step's menu stays open when an autosave lands", async ({ page }) => {
  await openSeededWorkflow(page, "Menu survives autosave");
  await select(page, "greet");
  const release = await holdSaves(page);
  await inspector(page).getByLabel("Name").fill("Say hello");
  await expect(state(page)).toHaveText("Saving…");

  await canvas(page).getByRole("button", { name: "Actions for greet" }).click();
  const menu = page.getByRole("menu", { name: "Step greet" });
  await expect(menu).toBeVisible();
  await release();
  await expect(state(page)).toHaveText("Saved");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Rename…" })).toBeFocused();
});

test("the rename dialog stays open and keeps what was typed when an autosave lands", async ({ page }) => {
  await openSeededWorkflow(page, "Dialog survives autosave");
  await select(page, "greet");
  const release = await holdSaves(page);
  await inspector(page).getByLabel("Name").fill("Say hello");
  await expect(state(page)).toHaveText("Saving…");

  await canvas(page).getByRole("button", { name: "Actions for greet" }).click();
  await page.getByRole("menu", { name: "Step greet" }).getByRole("menuitem", { name: "Rename…" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename greet" });
  await dialog.getByLabel("Id", { exact: true }).fill("greet_every");
  await release();
  await expect(state(page)).toHaveText("Saved");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Id", { exact: true })).toHaveValue("greet_every");
  await expect(dialog.getByLabel("Id", { exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(canvas(page).getByTestId("graph-node-greet_every")).toContainText("Say hello");
});

test("a step panel field keeps its text and focus when a save lands while typing", async ({ page }) => {
  await openSeededWorkflow(page, "Typing survives autosave");
  await select(page, "greet");
  const name = inspector(page).getByLabel("Name");
  const release = await holdSaves(page);
  await name.click();
  await page.keyboard.type("Greeting");
  await expect(state(page)).toHaveText("Saving…");
  // More typed while the first save is on the wire; it lands mid-word.
  await page.keyboard.type(" for every");
  await release();
  await page.keyboard.type("one");
  await expect(state(page)).toHaveText("Saved");
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("Greeting for everyone");
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Greeting for everyone");
});

test("a field the server tidies on save (a cron's trailing space) keeps what is being typed in it", async ({ page }) => {
  await openSeededWorkflow(page, "Cron survives autosave");
  await select(page, "start");
  const form = page.getByTestId("trigger-config");
  await form.getByLabel("Starts when").selectOption("schedule");
  await expect(state(page)).toHaveText("Saved");
  await form.getByRole("radio", { name: /Cron expression/ }).check();
  const cron = form.getByRole("textbox", { name: "Cron expression" });
  const release = await holdSaves(page);
  await cron.fill("");
  await cron.pressSequentially("0 9 * * ");
  // The pause after the space sends it; the server stores it trimmed while the person is still typing.
  await expect(state(page)).toHaveText("Saving…");
  await release();
  await expect(state(page)).toHaveText("Saved");
  await page.keyboard.type("MON");
  await expect(cron).toHaveValue("0 9 * * MON");
  await expect(cron).toBeFocused();
  await expect(state(page)).toHaveText("Saved");
  await page.reload();
  await select(page, "start");
  // Stored as typed (a weekly time, so the form opens on "Every …"; the cron view shows it exactly).
  await page.getByTestId("trigger-config").getByRole("radio", { name: /Cron expression/ }).check();
  await expect(page.getByTestId("trigger-config").getByRole("textbox", { name: "Cron expression" })).toHaveValue("0 9 * * MON");
});
