import { expect, test, type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { greetShoutGraph as graph, jsonDraft, signUpWithWorkflow } from "./editor-helpers";

// Autosave: the draft saves itself after each edit (no Save click), shows where it stands (Saving…, Saved,
// Offline), merges with another tab's save per step when the two touch different steps, asks when they touch
// the same one, and keeps edits made offline — across a reload too — until they can be saved.

// Two tabs, reloads and a held save each: on 2 busy cores one test can pass the default minute.
test.describe.configure({ timeout: 120_000 });

/** 1280×800, light and dark, with `subject` (what the shot is about) scrolled into view. */
async function shoot(page: Page, testInfo: TestInfo, name: string, subject: Locator) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await subject.scrollIntoViewIfNeeded();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}


/** Signs up, creates a workflow, types the sample graph into the JSON view and waits for it to save itself. */
async function openSeededWorkflow(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Ada Autosave", tag: "autosave" }, name);
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await expect(canvas(page).getByTestId("graph-node-shout")).toBeVisible();
  await expect(state(page)).toHaveText("Saved");
}

const canvas = (page: Page) => page.getByRole("region", { name: "Workflow canvas" });
const state = (page: Page) => page.getByTestId("draft-state");
const inspector = (page: Page) => page.getByTestId("node-inspector");
/** saveDraft on the wire (one constant: unroute matches the predicate it was routed with). */
const saves = (url: URL) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes("workflow.saveDraft");

/** Selects a step on the canvas and types its name in the step panel (clicks until the page is hydrated). */
async function rename(page: Page, id: string, name: string) {
  await expect(async () => {
    await canvas(page).getByTestId(`graph-node-${id}`).click();
    await expect(inspector(page).getByLabel("Node")).toHaveValue(id, { timeout: 1000 });
  }).toPass();
  await inspector(page).getByLabel("Name").fill(name);
}

/** A second tab on the same workflow, hydrated and showing the draft as saved. */
async function secondTab(context: BrowserContext, url: string) {
  const other = await context.newPage();
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(url);
  await expect(canvas(other).getByTestId("graph-node-shout")).toBeVisible();
  await expect(async () => {
    await canvas(other).getByTestId("graph-node-start").click();
    await expect(inspector(other).getByLabel("Node")).toHaveValue("start", { timeout: 1000 });
  }).toPass();
  return other;
}

test("an edit saves by itself: Saving…, then Saved, with no Save click; a reload keeps it", async ({ page }, testInfo) => {
  await openSeededWorkflow(page, "Autosaved");
  // Hold the save on the wire, so "Saving…" can be seen before it lands.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(saves, async (route) => {
    await held;
    await route.continue();
  });
  await rename(page, "greet", "Say hello");
  await expect(state(page)).toHaveText("Saving…");
  await expect(page.getByRole("status").filter({ has: state(page) })).toBeVisible();
  await shoot(page, testInfo, "autosave-saving", state(page));
  release();
  await expect(state(page)).toHaveText("Saved");
  await page.unroute(saves);

  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Say hello");
  await expect(state(page)).toHaveText("Saved");
  // Ctrl/Cmd+S still saves at once (and says so), even with nothing left to save.
  await page.getByRole("heading", { level: 1, name: "Autosaved" }).click();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByTestId("toasts")).toContainText("Draft saved");
});

test("two tabs edit different steps: the later save merges with the earlier one without asking, nothing overwritten", async ({ page, context }, testInfo) => {
  await openSeededWorkflow(page, "Two tabs merge");
  const other = await secondTab(context, page.url());

  // This tab renames "greet" and it saves ...
  await rename(page, "greet", "Greeting (first tab)");
  await expect(state(page)).toHaveText("Saved");
  // ... while the other tab, still on the revision before it, renames "shout": its save meets the newer revision.
  await rename(other, "shout", "Shouting (second tab)");
  await expect(other.getByTestId("toasts")).toContainText("your changes touch other steps, so both were kept");
  await expect(other.getByTestId("merge-dialog")).toBeHidden();
  await expect(state(other)).toHaveText("Saved");
  await expect(canvas(other).getByTestId("graph-node-greet")).toContainText("Greeting (first tab)");
  await shoot(other, testInfo, "autosave-merged", state(other));
  await other.close();

  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Greeting (first tab)");
  await expect(canvas(page).getByTestId("graph-node-shout")).toContainText("Shouting (second tab)");
});

test("two tabs edit the same step: the later one sees both versions and chooses; the choice is saved", async ({ page, context }, testInfo) => {
  await openSeededWorkflow(page, "Two tabs choose");
  const other = await secondTab(context, page.url());

  await rename(page, "greet", "Mine (first tab)");
  await expect(state(page)).toHaveText("Saved");
  await rename(other, "greet", "Theirs (second tab)");
  const dialog = other.getByTestId("merge-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("merge-conflict-node:greet")).toContainText("Mine (first tab)");
  await expect(dialog.getByTestId("merge-conflict-node:greet")).toContainText("Theirs (second tab)");
  // Nothing is saved over the first tab's change while the choice is open.
  await expect(state(other)).toHaveText("Not saved");
  await shoot(other, testInfo, "autosave-choose", dialog);
  // This tab's step is "Yours" in its dialog: keep the first tab's ("Theirs") instead.
  await dialog.getByRole("radio", { name: "Keep theirs" }).check();
  await dialog.getByRole("button", { name: "Merge with these choices" }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas(other).getByTestId("graph-node-greet")).toContainText("Mine (first tab)");
  await expect(state(other)).toHaveText("Saved");
  await other.close();

  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Mine (first tab)");
});

test("offline: the editor says so and keeps the edits; back online they are saved", async ({ page, context }, testInfo) => {
  await openSeededWorkflow(page, "Offline edits");
  await context.setOffline(true);
  await expect(state(page)).toHaveText("Offline");
  await rename(page, "greet", "Written offline");
  await expect(state(page)).toHaveText("Offline");
  await expect(page.getByTestId("draft-state-detail")).toContainText("kept in this browser");
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Written offline");
  await shoot(page, testInfo, "autosave-offline", state(page));

  await context.setOffline(false);
  await expect(state(page)).toHaveText("Saved");
  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Written offline");
});

test("a save that cannot reach the server keeps the edit in the browser; after a reload it is offered back and saved", async ({ page }, testInfo) => {
  await openSeededWorkflow(page, "Kept locally");
  // The server is unreachable for saves (the browser still thinks it is online).
  await page.route(saves, (route) => route.abort("internetdisconnected"));
  await rename(page, "greet", "Not lost");
  await expect(state(page)).toHaveText("Offline");
  await expect(page.getByTestId("draft-state-detail")).toContainText("could not be reached");

  // Leaving asks first (the edit is not on the server); accept, and the reload shows the saved draft ...
  page.on("dialog", (d) => void d.accept());
  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).not.toContainText("Not lost");
  // ... and offers back the edit kept in this browser.
  const offer = page.getByTestId("restore-draft");
  await expect(offer).toContainText("were not saved; they were kept in this browser");
  await shoot(page, testInfo, "autosave-restore", offer);
  await page.unroute(saves);
  await offer.getByRole("button", { name: "Restore my changes" }).click();
  await expect(offer).toBeHidden();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Not lost");
  await expect(state(page)).toHaveText("Saved");
  await page.reload();
  await expect(canvas(page).getByTestId("graph-node-greet")).toContainText("Not lost");
  await expect(page.getByTestId("restore-draft")).toHaveCount(0);
});
