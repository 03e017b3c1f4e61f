import { expect, test } from "@playwright/test";

// The Connections page: a secret goes in once and never comes back; bad input is explained per field.

test("add an API-key connection: per-field errors first, then only 'set' is ever shown", async ({ page }) => {
  const stamp = Date.now();
  const secret = `sk_e2e_${stamp}_never_shown`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(`e2e-conn-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`amber-lantern-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await page.getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toContainText("No connections yet");

  const form = page.getByRole("form", { name: "Add a connection" });
  await form.getByLabel("Name").fill("Stripe live");
  await form.getByLabel("Integration").fill("Not A Slug");
  await form.getByRole("button", { name: "Save connection" }).click();
  await expect(form.getByLabel("Integration")).toHaveAccessibleDescription(/lowercase letters/);
  await expect(form.getByLabel("API key")).toHaveAccessibleDescription(/API key is required/);

  await form.getByLabel("Integration").fill("stripe");
  await form.getByLabel("API key").fill(secret);
  await form.getByRole("button", { name: "Save connection" }).click();
  const list = page.getByRole("list", { name: "Connections" });
  await expect(list).toContainText("Stripe live");
  await expect(list).toContainText("apiKey: set");
  await page.reload();
  await expect(page.getByRole("list", { name: "Connections" })).toContainText("apiKey: set");
  expect(await page.content()).not.toContain(secret);

  // "Test" asks the integration's own test(ctx); stripe is not an integration this workspace has, and it says so.
  await page.getByRole("list", { name: "Connections" }).getByRole("button", { name: "Test" }).click();
  await expect(page.getByText("Integration stripe is not available in this workspace")).toBeVisible();
});

test("the OAuth callback answers a forged state with a readable redirect, not an error page", async ({ request }) => {
  const res = await request.get("/api/oauth/callback?state=forged&code=x", { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(new URL(res.headers().location!).searchParams.get("oauthError")).toMatch(/Sign in|not valid/);
});
