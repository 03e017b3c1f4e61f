import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { scan } from "./axe-scan";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

// The Connections page: an integration is picked from the installed ones, its connection is tested on save, and a
// secret goes in once and never comes back.

test.use({ viewport: { width: 1280, height: 800 } });

// A stand-in for the API the credentials are for, on loopback: GET /me answers 200 for the right bearer token only.
let api: Server;
let apiUrl = "";
test.beforeAll(async () => {
  api = createServer((req, res) => {
    const ok = req.url === "/me" && req.headers.authorization === "Bearer right-token";
    res.writeHead(ok ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify(ok ? { id: 1 } : { message: "Bad credentials" }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

test("new connection: pick an installed integration, fill its form, save; a failing test is shown by the form with the input kept, and a passing one says so", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(`e2e-conn-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`amber-lantern-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  await page.getByRole("link", { name: "Connections" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toContainText("No connections yet");

  // No free text: the integrations this workspace has that declare a connection, as a list to pick from.
  await page.getByRole("button", { name: "New connection" }).click();
  const choices = page.getByRole("list", { name: "Choose the integration to connect:" });
  await expect(choices.getByRole("button", { name: /HTTP Request/ })).toContainText("HTTP authentication");
  await expect(choices.getByRole("button", { name: /Code/ })).toHaveCount(0); // Code declares no connection
  await scan(page, testInfo, "connections-pick");
  await choices.getByRole("button", { name: /HTTP Request/ }).click();

  // The form HTTP Request's manifest describes: its one custom connection, a choice of bearer, Basic or API key.
  const form = page.getByRole("form", { name: "Connect HTTP Request" });
  await form.getByLabel("Connection name").fill("Example API");
  await form.getByLabel("HTTP authentication type").selectOption("bearer");
  await expect(form.getByLabel("Token")).toHaveAttribute("type", "password");
  await form.getByLabel("Token").fill("wrong-token");
  await form.getByLabel("Check URL").fill(`${apiUrl}/me`);
  await form.getByRole("button", { name: "Save connection" }).click();

  // The integration's test ran on the worker against the API and was refused: said beside the form, nothing typed lost.
  const failed = page.getByTestId("connection-test-error");
  await expect(failed).toContainText("the connection test failed: The server refused these credentials", { timeout: 60_000 });
  await expect(failed).toContainText("answered 401");
  await expect(form.getByLabel("Token")).toHaveValue("wrong-token");
  await expect(form.getByLabel("Check URL")).toHaveValue(`${apiUrl}/me`);
  await expect(form.getByLabel("Connection name")).toHaveValue("Example API");
  await scan(page, testInfo, "connections-test-failed");

  // Fixed and saved again: the same connection is updated (not a second one) and tested.
  await form.getByLabel("Token").fill("right-token");
  await form.getByRole("button", { name: "Save again and test" }).click();
  await expect(page.getByTestId("connection-saved")).toHaveText("Saved “Example API”. Connection tested: OK.", { timeout: 60_000 });
  const list = page.getByRole("list", { name: "Connections" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Example API");
  await expect(list).toContainText("token: set");
  await expect(list).toContainText("ok");
  await scan(page, testInfo, "connections-tested");
  await page.reload();
  await expect(page.getByRole("list", { name: "Connections" })).toContainText("token: set");
  expect(await page.content()).not.toContain("right-token");

  // An API client naming an integration the workspace does not have is refused, the field named.
  const workspaceId = /\/w\/([0-9a-f-]{36})/.exec(page.url())![1];
  const refused = await page.request.post("/api/trpc/connection.create", { data: { json: { workspaceId, name: "Stripe live", integrationSlug: "stripe", kind: "api_key", fields: { apiKey: "sk_x" } } }, headers: OWN_PAGE_HEADERS });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("is not an integration this workspace has");
});

test("the OAuth callback answers a forged state with a readable redirect, not an error page", async ({ request }) => {
  const res = await request.get("/api/oauth/callback?state=forged&code=x", { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(new URL(res.headers().location!).searchParams.get("oauthError")).toMatch(/Sign in|not valid/);
});
