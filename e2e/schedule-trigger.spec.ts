import { expect, test, type Page } from "@playwright/test";
import { jsonDraft } from "./editor-helpers";

// A schedule trigger in the editor: the next five run times while typing, the cron's problem next to it, and the
// live schedule once the workflow is active (read back from Temporal).

const AUTH_NAVIGATION = { timeout: 30_000 };
const SERVER = { timeout: 30_000 };

async function signUpAndCreate(page: Page, name: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Sched Uler");
  await page.getByLabel("Email").fill(`e2e-schedule-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  await page.getByRole("button", { name: "Create your first workflow" }).click();
  await page.getByRole("dialog", { name: "New workflow" }).getByLabel("Name").fill(name);
  await page.getByRole("dialog", { name: "New workflow" }).getByRole("button", { name: "Create workflow" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

const graph = (schedule: Record<string, unknown>) => ({
  schemaVersion: 1,
  nodes: [{ id: "start", kind: "trigger", trigger: "schedule", schedule }, { id: "tick", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { at: "{{ trigger.scheduledAt }}" } }],
  edges: [{ id: "start-tick", source: "start", target: "tick" }],
});

test("a schedule trigger previews its next runs, names a bad cron, and shows the live schedule when active", async ({ page }) => {
  await signUpAndCreate(page, "Weekday report");
  const draft = await jsonDraft(page);
  const preview = page.getByTestId("schedule-preview");

  await draft.fill(JSON.stringify(graph({ cron: "0 9 * *", timezone: "Europe/Berlin" }), null, 2));
  await expect(preview.getByRole("alert")).toContainText("Cron: A cron expression has 5 fields", SERVER);

  await draft.fill(JSON.stringify(graph({ cron: "0 9 * * MON-FRI", timezone: "Europe/Berlin" }), null, 2));
  await expect(preview).toContainText("Next runs (Europe/Berlin)");
  await expect(preview.locator("ol > li")).toHaveCount(5, SERVER);
  for (const time of await preview.locator("ol time").allTextContents()) {
    expect(time).toMatch(/09[:.]00/); // 09:00 in the schedule's own timezone
    expect(time).not.toMatch(/Sat|Sun/);
  }

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved", SERVER);
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();

  const status = page.getByTestId("trigger-status");
  await expect(status).toContainText("Inactive", SERVER);
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1", SERVER);
  await expect(status).toContainText("Scheduled", SERVER);
  await expect(status).toContainText("(Europe/Berlin)");

  await page.getByRole("switch", { name: "Active" }).click();
  await expect(status).toContainText("Inactive", SERVER);
});
