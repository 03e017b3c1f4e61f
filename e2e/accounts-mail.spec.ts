import { expect, test, type Browser, type Page } from "@playwright/test";
import { scan } from "./axe-scan";
import { grantPlatformAdmin, invite, linkFromOutbox } from "./mail-helpers";

// Password reset by mailed link, password change, and workspace invitations, as people use them. The browser
// tests run without SMTP_URL, so mail lands in the outbox, which a platform admin reads at /admin/outbox.

const AUTH_NAVIGATION = { timeout: 30_000 };
// Every test signs up (scrypt) several times; at a load of 30 on 2 cores that takes a while.
test.describe.configure({ timeout: 240_000 });

type Person = { page: Page; email: string; password: string; workspaceId: string };

async function signUp(page: Page, name: string, tag: string, email?: string): Promise<Person> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  const address = email ?? `e2e-${tag}-${stamp}@example.com`;
  const password = `copper-meadow-${stamp}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(address);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  return { page, email: address, password, workspaceId: "" };
}

async function newAccount(browser: Browser, name: string, tag: string): Promise<Person> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-up");
  const p = await signUp(page, name, tag);
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
  return { ...p, workspaceId: new URL(page.url()).pathname.split("/")[2]! };
}

async function platformAdmin(browser: Browser): Promise<Person> {
  const admin = await newAccount(browser, "Ada Operator", "operator");
  grantPlatformAdmin(admin.email);
  return admin;
}

test("forgot password: the mailed link sets a new password once, and the new password signs in", async ({ page, browser }, testInfo) => {
  const admin = await platformAdmin(browser);
  const rita = await newAccount(browser, "Rita Reset", "reset");

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(rita.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toContainText(`If an account uses ${rita.email}, a link to reset its password is on its way.`);
  await scan(page, testInfo, "forgot-password-sent");

  const link = await linkFromOutbox(admin.page, rita.email, "Reset your Junction password");
  expect(link).toMatch(/\/reset-password#token=[A-Za-z0-9_-]{43}$/);
  await scan(admin.page, testInfo, "admin-outbox");

  await page.goto(link);
  // The token leaves the address bar once read.
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("New password")).toHaveAccessibleDescription("Use at least 10 characters");
  await page.getByLabel("New password").fill("a freshly chosen passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();
  // The pointer still rests where the button was, now over the "Sign in" link: scan its resting colours, not hover.
  await page.mouse.move(0, 0);
  await scan(page, testInfo, "reset-password-done");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(rita.email);
  await page.getByLabel("Password").fill("a freshly chosen passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);

  // The link was spent: opened again (signed out), it says so instead of working twice.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.getByLabel("New password").fill("yet another passphrase");
  await again.getByRole("button", { name: "Set new password" }).click();
  await expect(again.getByTestId("form-error")).toContainText("This reset link was already used.");
  await expect(again.getByRole("link", { name: "Request a new link" })).toBeVisible();
});

test("change password: a wrong current password is named at its field; the right one changes it", async ({ browser }, testInfo) => {
  const cal = await newAccount(browser, "Cal Change", "change");
  const page = cal.page;
  await page.goto("/settings/profile");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password").fill("a freshly chosen passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("Your current password is incorrect.");
  await scan(page, testInfo, "change-password-wrong", "form[aria-label='Change password']");

  await form.getByLabel("Current password").fill(cal.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Password changed");
  await expect(form.getByLabel("Current password")).toHaveValue("");
});

test("invitation: someone without an account signs up from the mailed link, accepts, and appears in members", async ({ browser }, testInfo) => {
  const owner = await platformAdmin(browser);
  const address = `e2e-invitee-${Date.now()}@example.com`;
  await invite(owner.page, owner.workspaceId, address, "editor");
  // Nobody joins before accepting: the address waits under the members, with resend and revoke.
  const pending = owner.page.getByRole("list", { name: "Pending invitations" }).getByRole("listitem").filter({ hasText: address });
  await expect(pending).toContainText("Editor · invited by Ada Operator");
  await expect(pending.getByRole("button", { name: `Revoke invitation to ${address}` })).toBeVisible();
  await pending.getByRole("button", { name: `Resend invitation to ${address}` }).click();
  await expect(owner.page.getByTestId("toasts")).toContainText(`Invitation sent again to ${address}`);
  await scan(owner.page, testInfo, "members-pending-invitation", "[data-testid='members-section']");

  const link = await linkFromOutbox(owner.page, address, "Ada Operator invited you to Ada's workspace");
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join “Ada's workspace”" })).toBeVisible();
  await expect(page.getByText(`Ada Operator invited ${address} to join “Ada's workspace” as an editor.`)).toBeVisible();
  await scan(page, testInfo, "invitation-signed-out");
  await page.getByRole("link", { name: "Create an account" }).click();
  await signUp(page, "Ines Invitee", "invitee", address);
  await expect(page).toHaveURL(/\/invite$/, AUTH_NAVIGATION);
  await page.getByRole("button", { name: "Accept and join" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${owner.workspaceId}$`), AUTH_NAVIGATION);

  await owner.page.goto(`/w/${owner.workspaceId}/settings`);
  await expect(owner.page.getByTestId("member-row").filter({ hasText: address })).toContainText("Ines Invitee");
  await expect(owner.page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
});

test("invitation: the invitee declines from the link, and the inviter's pending list empties", async ({ browser }) => {
  const owner = await platformAdmin(browser);
  const dee = await newAccount(browser, "Dee Decliner", "decliner");
  await invite(owner.page, owner.workspaceId, dee.email, "viewer");
  const link = await linkFromOutbox(owner.page, dee.email, "invited you to");
  await dee.page.goto(link);
  await dee.page.getByRole("button", { name: "Decline" }).click();
  await expect(dee.page.getByRole("heading", { name: "Invitation declined" })).toBeVisible();
  // Opened from the mail again (a new tab; the same tab would only change the URL's fragment), it says so.
  const again = await dee.page.context().newPage();
  await again.goto(link);
  await expect(again.getByText("This invitation to “Ada's workspace” was declined.")).toBeVisible();

  await owner.page.goto(`/w/${owner.workspaceId}/settings`);
  await expect(owner.page.getByTestId("member-row")).toHaveCount(1);
  await expect(owner.page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
});
