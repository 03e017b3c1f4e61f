import { expect, test, type Page } from "@playwright/test";

// One user's first session, end to end: sign up, build a small list of workflows, leave and come back.

async function openRowMenu(page: Page, workflowName: string) {
  await page.getByRole("button", { name: `Actions for ${workflowName}`, exact: true }).click();
}

// Sign-up and sign-in each hash a password on purpose (slow by design), then the dashboard renders: allow for it.
const AUTH_NAVIGATION = { timeout: 30_000 };

const workflowLink = (page: Page, name: string) => page.getByRole("link", { name, exact: true });

test("sign up, create, rename, duplicate and delete a workflow, then sign out and back in", async ({ page }) => {
  const stamp = Date.now();
  const email = `e2e-flow-${stamp}@example.com`;
  const password = `violet-harbor-${stamp}`;

  // Sign up lands straight on the personal workspace's dashboard, already signed in.
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toContainText("No workflows yet");

  // Create from the empty state's call to action; the dialog focuses its field and Enter submits. The new workflow
  // opens in its editor; "All workflows" leads back to the list, which has it.
  await page.getByRole("button", { name: "Create your first workflow" }).click();
  const create = page.getByRole("dialog", { name: "New workflow" });
  await expect(create.getByLabel("Name")).toBeFocused();
  await create.getByLabel("Name").fill("Lead alerts");
  await create.getByLabel("Name").press("Enter");
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lead alerts" })).toBeVisible();
  await page.getByRole("link", { name: "All workflows" }).click();
  await expect(workflowLink(page, "Lead alerts")).toBeVisible();
  await expect(page.getByTestId("empty-state")).toBeHidden();

  // Rename.
  await openRowMenu(page, "Lead alerts");
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename workflow" });
  await expect(rename.getByLabel("Name")).toHaveValue("Lead alerts");
  await rename.getByLabel("Name").fill("Qualified lead alerts");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(workflowLink(page, "Qualified lead alerts")).toBeVisible();
  await expect(workflowLink(page, "Lead alerts")).toHaveCount(0);

  // Duplicate.
  await openRowMenu(page, "Qualified lead alerts");
  await page.getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(workflowLink(page, "Qualified lead alerts (copy)")).toBeVisible();
  await expect(page.getByTestId("workflow-row")).toHaveCount(2);

  // Delete the copy; the confirm dialog names the workflow it is about to delete.
  await openRowMenu(page, "Qualified lead alerts (copy)");
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("dialog", { name: /Delete .Qualified lead alerts \(copy\).\?/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Delete workflow" }).click();
  await expect(confirm).toBeHidden();
  await expect(workflowLink(page, "Qualified lead alerts (copy)")).toHaveCount(0);
  await expect(page.getByTestId("workflow-row")).toHaveCount(1);

  // The workflow page opens from the list and links back.
  await workflowLink(page, "Qualified lead alerts").click();
  await expect(page.getByRole("heading", { level: 1, name: "Qualified lead alerts" })).toBeVisible();
  await expect(page.getByTestId("graph-canvas")).toContainText("no nodes");
  await page.getByRole("link", { name: "All workflows" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();

  // Sign out from the user menu.
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/, AUTH_NAVIGATION);

  // Sign back in: the renamed workflow is still there and the deleted copy is not.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  await expect(workflowLink(page, "Qualified lead alerts")).toBeVisible();
  await expect(page.getByTestId("workflow-row")).toHaveCount(1);
});
