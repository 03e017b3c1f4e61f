import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The draft's JSON, in the editor's advanced view (opened with its toggle, which the browser then remembers).
 * Retried because a click that lands before the page hydrates does nothing, and a page that remembered the view
 * opens it only once hydrated.
 */
export async function jsonDraft(page: Page): Promise<Locator> {
  const text = page.getByLabel("Draft graph JSON");
  await expect(async () => {
    if (!(await text.isVisible())) await page.getByRole("button", { name: "Advanced: JSON" }).click();
    await expect(text).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  return text;
}

/**
 * Creates a workflow from the dashboard's empty state ("Create your first workflow"), which opens it in its editor.
 * Returns once the editor's heading shows.
 */
export async function createFirstWorkflow(page: Page, name: string) {
  await page.getByRole("button", { name: "Create your first workflow" }).click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/**
 * A new account (name, and a tag that makes its e-mail address say which spec made it) with one workflow, opened in
 * its editor: the path every editor spec starts from.
 */
export async function signUpWithWorkflow(page: Page, person: { name: string; tag: string }, workflow: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(`e2e-${person.tag}-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await createFirstWorkflow(page, workflow);
}

/** A built-in "set" step: what the editor specs build their sample workflows from. */
export const setStep = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "core", version: "1", key: "set" }, input });

/** The editor specs' sample draft: a trigger, then greet, then shout, which maps greet's output. */
export const greetShoutGraph = {
  schemaVersion: 1,
  nodes: [{ id: "start", kind: "trigger" }, setStep("greet", { text: "Hello {{ trigger.body.name }}" }), setStep("shout", { text: "{{ steps.greet.output.text }}!" })],
  edges: [
    { id: "start-out-greet", source: "start", target: "greet" },
    { id: "greet-out-shout", source: "greet", target: "shout" },
  ],
};

/** Opens the editor's test panel under the canvas (retried: a click before hydration does nothing). */
export async function openTestPanel(page: Page): Promise<Locator> {
  await expect(async () => {
    await page.getByTestId("test-toggle").click();
    await expect(page.getByTestId("test-panel")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  return page.getByTestId("test-panel");
}
