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
