import { expect, test, type Browser, type Page } from "@playwright/test";
import { scan } from "./axe-scan";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// Ending a session means the cookie stops working everywhere, not just that this browser forgets it
// (docs/security.md, Sessions); and a page on another site cannot make changes with the user's cookie (CSRF).

// Sign-up and sign-in hash a password on purpose (slow by design), then the dashboard renders: allow for it.
const AUTH_NAVIGATION = { timeout: 30_000 };
const ENDED = "Your session has ended (signed out, or your access changed); sign in again.";

async function signUp(page: Page, tag: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const account = { email: `e2e-${tag}-${stamp}@example.com`, password: `amber-lantern-${stamp}` };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  return account;
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
}

/** A second browser holding a copy of this page's cookies: another tab's, or a stolen one. */
async function copyOfCookies(browser: Browser, page: Page) {
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
  return context;
}

test("after sign-out, a copy of the old cookie gets 401 from the API and the sign-in page from the app", async ({ page, browser }) => {
  await signUp(page, "signout");
  const copy = await copyOfCookies(browser, page);
  expect((await copy.request.get("/api/trpc/me.get")).status()).toBe(200);

  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/, AUTH_NAVIGATION);

  const api = await copy.request.get("/api/trpc/me.get");
  expect(api.status()).toBe(401);
  expect(JSON.stringify(await api.json())).toContain(ENDED);
  const mutation = await copy.request.post("/api/trpc/workspace.create", { data: { json: { name: "After sign-out" } }, headers: OWN_PAGE_HEADERS });
  expect(mutation.status()).toBe(401);
  const stale = await copy.newPage();
  await stale.goto("/settings/profile");
  await expect(stale).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fprofile/, AUTH_NAVIGATION);
  await expect(stale.getByRole("button", { name: "Sign in" })).toBeVisible();
  await copy.close();
});

test("sign out everywhere, from the profile page, ends the account's sessions in other browsers", async ({ page, browser }, testInfo) => {
  test.slow(); // two sign-ins and two axe scans in two colour schemes each
  await page.setViewportSize({ width: 1280, height: 800 });
  const account = await signUp(page, "everywhere");
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await signIn(other, account);

  await page.goto("/settings/profile");
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions).toBeVisible();
  await scan(page, testInfo, "profile-sessions", '[data-testid="sessions-section"]');
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  const confirm = page.getByRole("dialog", { name: "Sign out everywhere?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await scan(page, testInfo, "sign-out-everywhere-dialog", '[data-testid="confirm-dialog"]');
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/, AUTH_NAVIGATION);

  // The other browser still has its cookie, but the next page it asks for sends it to sign in.
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/, AUTH_NAVIGATION);
  expect((await other.request.get("/api/trpc/me.get")).status()).toBe(401);
  // Signing in again works, and the new session is good.
  await signIn(other, account);
  expect((await other.request.get("/api/trpc/me.get")).status()).toBe(200);
  await laptop.close();
});

test("a mutation with the user's cookie from another site's origin is refused 403, from Junction's own page it is not", async ({ page, baseURL }) => {
  await signUp(page, "csrf");
  const create = (name: string, headers: Record<string, string>) => page.request.post("/api/trpc/workspace.create", { data: { json: { name } }, headers });

  const foreign = await create("Made by evil", { ...OWN_PAGE_HEADERS, origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
  expect(JSON.stringify(await foreign.json())).toContain("Refused: this request comes from the origin evil.example");
  const formLike = await create("Made by a form", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" });
  expect(formLike.status()).toBe(403);
  const home = await create("Made at home", { ...OWN_PAGE_HEADERS, origin: new URL(baseURL!).origin });
  expect(home.status()).toBe(200);

  // Neither refused change happened; the one from Junction's own origin did.
  const list = await page.request.get("/api/trpc/workspace.list");
  const names = JSON.stringify(await list.json());
  expect(names).toContain("Made at home");
  expect(names).not.toContain("Made by evil");
  expect(names).not.toContain("Made by a form");
});
