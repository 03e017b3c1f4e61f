import { expect, test, type Page } from "@playwright/test";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// Every sign-up and sign-in problem is explained where it happened: beside the field at fault,
// or (for credentials, which must not reveal whether an account exists) in one general message.

async function fillSignUp(page: Page, fields: { name?: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(fields.name ?? "Grace Hopper");
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Creates an account through the same tRPC procedure the sign-up form calls (superjson wraps input in `json`). */
async function createAccount(page: Page, email: string, password: string) {
  const res = await page.request.post("/api/trpc/auth.signUp", { data: { json: { name: "Existing User", email, password } }, headers: OWN_PAGE_HEADERS });
  expect(res.ok(), await res.text()).toBeTruthy();
}

// Sign-up and sign-in hash passwords on purpose (slow by design); give the answer time to arrive.
const SERVER_ANSWER = { timeout: 20_000 };

const strongPassword = () => `quiet-lantern-${Date.now()}`;

test("a malformed email is explained next to the email field", async ({ page }) => {
  await fillSignUp(page, { email: "not-an-email", password: strongPassword() });
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/valid email/i, SERVER_ANSWER);
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a weak password is explained next to the password field", async ({ page }) => {
  await fillSignUp(page, { email: `e2e-weak-${Date.now()}@example.com`, password: "short" });
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/at least 10 characters/i, SERVER_ANSWER);
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid", "true");
});

test("an email that already has an account is explained next to the email field", async ({ page }) => {
  const email = `e2e-taken-${Date.now()}@example.com`;
  await createAccount(page, email, strongPassword());
  await fillSignUp(page, { email, password: strongPassword() });
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/already exists/i, SERVER_ANSWER);
  await expect(page).toHaveURL(/\/sign-up/);
});

test("a wrong password shows the generic sign-in message", async ({ page }) => {
  const email = `e2e-wrong-${Date.now()}@example.com`;
  await createAccount(page, email, strongPassword());
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("definitely-not-it-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible(SERVER_ANSWER);
  await expect(page).toHaveURL(/\/sign-in/);
});
