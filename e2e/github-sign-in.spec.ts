import type { Server } from "node:http";
import { expect, test } from "@playwright/test";
import { startFakeGitHub } from "./fakes/github";

// `npm test` starts the web server with GITHUB_ID/GITHUB_SECRET and GITHUB_URL pointing at this loopback GitHub.
const port = Number(process.env.FAKE_GITHUB_PORT);
const clientId = process.env.GITHUB_ID!;
const clientSecret = process.env.GITHUB_SECRET!;
const stamp = Date.now();
const email = `octo-${stamp}@example.com`;

let github: Server;

test.beforeAll(async () => {
  expect(port, "FAKE_GITHUB_PORT must be set by npm test").toBeGreaterThan(0);
  github = await startFakeGitHub({
    port,
    clientId,
    clientSecret,
    user: {
      id: stamp,
      login: `octo${stamp}`,
      name: "Octo Cat",
      emails: [
        { email: `unverified-${stamp}@example.com`, primary: false, verified: false },
        { email, primary: true, verified: true },
      ],
    },
  });
});

test.afterAll(async () => {
  await new Promise((resolve) => github?.close(resolve));
});

test("signs in with GitHub through the OAuth web flow into a new personal workspace", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  // GitHub's consent page, served by the loopback GitHub.
  await expect(page.getByRole("heading", { name: "Authorize Junction" })).toBeVisible();
  await page.getByRole("link", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  await expect(page.getByText("Octo's workspace").first()).toBeVisible();
  await expect(page.getByText(email).first()).toBeVisible();
});
