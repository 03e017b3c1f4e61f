import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";

/**
 * Makes an account platform admin the way an operator does (`npm run admin -- grant <email>`), against the browser
 * tests' database. Only a platform admin reads the outbox.
 */
export function grantPlatformAdmin(email: string): void {
  const url = process.env.JUNCTION_E2E_DATABASE_URL;
  if (!url) throw new Error("JUNCTION_E2E_DATABASE_URL is not set: run the browser tests through npm test");
  execFileSync("bash", ["scripts/node.sh", "scripts/admin.ts", "grant", email], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The link in the newest mail to `to` about `subject`, as a platform admin reads it at /admin/outbox (the browser
 * tests run without SMTP_URL, so mail is kept there). Mail goes out after the response; the page refreshes itself.
 */
export async function linkFromOutbox(adminPage: Page, to: string, subject: string): Promise<string> {
  await adminPage.goto("/admin/outbox");
  const mail = adminPage.getByRole("listitem", { name: new RegExp(`${escape(subject)}.*, to ${escape(to)}$`) }).first();
  await expect(mail).toBeVisible({ timeout: 30_000 });
  const href = await mail.getByRole("link").first().getAttribute("href");
  if (!href) throw new Error(`the mail to ${to} holds no link`);
  return href;
}

/** Invites an address from the workspace settings page (the inviter must be able to manage members). */
export async function invite(page: Page, workspaceId: string, email: string, role: "admin" | "editor" | "viewer") {
  await page.goto(`/w/${workspaceId}/settings`);
  const form = page.getByRole("form", { name: "Invite member" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("toasts")).toContainText(`Invitation sent to ${email}`);
}

/**
 * Brings someone into a workspace as people do: the inviter (made platform admin here, to read the outbox) invites
 * them, and they open the mailed link and accept.
 */
export async function inviteAndAccept(inviter: { page: Page; email: string }, invitee: { page: Page; email: string }, workspaceId: string, role: "admin" | "editor" | "viewer") {
  await invite(inviter.page, workspaceId, invitee.email, role);
  grantPlatformAdmin(inviter.email);
  const link = await linkFromOutbox(inviter.page, invitee.email, "invited you to");
  await invitee.page.goto(link);
  await invitee.page.getByRole("button", { name: "Accept and join" }).click();
  await expect(invitee.page).toHaveURL(new RegExp(`/w/${workspaceId}$`), { timeout: 30_000 });
}
