import { createHmac } from "node:crypto";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { createFirstWorkflow, jsonDraft } from "./editor-helpers";

// The webhook trigger's configuration (the step panel, with the trigger selected): create the URL, copy it, set
// the secret (never shown again), publish, activate, and a GitHub-signed delivery to that URL is acknowledged with
// a run id; the URL can be rotated (the old one kept for a grace period) and disabled; the preset picker edits the
// draft.

/** Selects the trigger on the canvas: its configuration (URL, secret, settings) is in the step panel. */
async function selectTrigger(page: Page) {
  await page.getByRole("region", { name: "Workflow canvas" }).getByTestId("graph-node-start").click();
  await expect(page.getByTestId("trigger-config")).toBeVisible();
}

const AUTH_NAVIGATION = { timeout: 30_000 };

/** The trigger panel in light and dark, kept with the test's results for a person to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: null });
}

async function signUp(page: Page) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Hook Holder");
  await page.getByLabel("Email").fill(`e2e-hooks-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
}

test("webhook trigger: URL with copy, secret set but never shown, signed delivery acknowledged, URL rotated and disabled from the panel, preset picker", async ({ page, context }, testInfo) => {
  test.slow(); // set up, publish, activate, deliver, rotate, disable and enable: near a minute on a quiet machine
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page);
  await createFirstWorkflow(page, "GitHub pushes");

  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "github" } } },
      { id: "note", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { ref: "{{ trigger.body.ref }}" } },
    ],
    edges: [{ id: "e1", source: "start", target: "note" }],
  };
  await (await jsonDraft(page)).fill(JSON.stringify(graph, null, 2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");

  await selectTrigger(page);
  const section = page.getByTestId("webhook-section");
  await expect(page.getByTestId("trigger-config").getByLabel("Verification")).toHaveValue("github");
  await expect(section.getByTestId("secret-status")).toContainText("No secret set");
  await section.getByRole("button", { name: "Create the URL" }).click();
  const urlField = section.getByLabel("Webhook URL");
  await expect(urlField).toHaveValue(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
  const url = await urlField.inputValue();
  await section.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Webhook URL copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  // A too-short secret is refused next to the field; a good one is set and the field is emptied.
  await section.getByLabel("Secret", { exact: true }).fill("short");
  await section.getByRole("button", { name: "Set secret" }).click();
  await expect(section.getByLabel("Secret", { exact: true })).toHaveAccessibleDescription(/at least 8 characters/);
  await section.getByLabel("Secret", { exact: true }).fill("e2e-github-secret");
  await section.getByRole("button", { name: "Set secret" }).click();
  await expect(section.getByTestId("secret-status")).toContainText("A secret is set.");
  await expect(section.getByLabel("New secret")).toHaveValue("");
  await expect(page.locator("body")).not.toContainText("e2e-github-secret");

  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();
  await page.getByRole("switch", { name: "Active" }).click();
  await expect(page.getByTestId("toasts")).toContainText("Active: triggers start version 1");
  await page.reload();
  await selectTrigger(page);
  await expect(page.getByTestId("webhook-section")).toContainText("Listening");

  // The sender: a signed delivery is acknowledged with a run id; a wrongly signed one is refused.
  const body = JSON.stringify({ ref: "refs/heads/main" });
  const sign = (secret: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const headers = { "content-type": "application/json", "x-github-delivery": `e2e-${Date.now()}` };
  const ok = await page.request.post(url, { data: body, headers: { ...headers, "x-hub-signature-256": sign("e2e-github-secret") } });
  expect(ok.status()).toBe(202);
  expect(((await ok.json()) as { runId: string }).runId).toMatch(/^run_[0-9a-f-]{36}$/);
  const bad = await page.request.post(url, { data: body, headers: { ...headers, "x-github-delivery": "e2e-bad", "x-hub-signature-256": sign("wrong") } });
  expect(bad.status()).toBe(401);

  // Rotate: a confirm dialog picks the grace period, then shows the new URL and until when the old one works.
  await page.setViewportSize({ width: 1280, height: 800 });
  const section2 = page.getByTestId("webhook-section");
  await section2.getByRole("button", { name: "Rotate URL…" }).click();
  const rotateDialog = page.getByRole("dialog", { name: "Rotate the webhook URL?" });
  await rotateDialog.getByLabel("Keep the old URL working").selectOption("1h");
  await shoot(page, testInfo, "rotate-confirm");
  await rotateDialog.getByRole("button", { name: "Rotate URL" }).click();
  const rotated = page.getByRole("dialog", { name: "New webhook URL" });
  const newUrlField = rotated.getByLabel("New webhook URL");
  await expect(newUrlField).toHaveValue(/\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
  const newUrl = await newUrlField.inputValue();
  expect(newUrl).not.toBe(url);
  await expect(rotated.getByTestId("old-url-until")).toContainText("The old URL works until");
  await shoot(page, testInfo, "rotated-dialog");
  // A delivery sent to the new URL from outside the browser is acknowledged; the old URL works during the grace period.
  const send = (to: string, id: string) => fetch(to, { method: "POST", body, headers: { ...headers, "x-github-delivery": id, "x-hub-signature-256": sign("e2e-github-secret") } });
  expect((await send(newUrl, `e2e-new-${Date.now()}`)).status).toBe(202);
  expect((await send(url, `e2e-old-${Date.now()}`)).status).toBe(202);
  await rotated.getByRole("button", { name: "Done" }).click();
  await expect(section2.getByLabel("Webhook URL")).toHaveValue(newUrl);
  await expect(section2.getByTestId("previous-url-status")).toContainText("The previous URL still works until");

  // Disable: a clear "Disabled" state, and the hook answers 404; enable restores it.
  await section2.getByRole("button", { name: "Disable" }).click();
  await expect(section2.getByText("Disabled", { exact: true })).toBeVisible();
  await expect(section2.getByTestId("webhook-disabled")).toContainText("deliveries get 404");
  await shoot(page, testInfo, "disabled-panel");
  // The edge is its own process: it sees the change when its hook cache entry expires (JUNCTION_HOOK_CACHE_MS, 2 s).
  let n = 0;
  await expect.poll(async () => (await send(newUrl, `e2e-off-${Date.now()}-${n++}`)).status).toBe(404);
  await section2.getByRole("button", { name: "Enable" }).click();
  await expect(section2.getByText("Listening", { exact: true })).toBeVisible();
  await expect.poll(async () => (await send(newUrl, `e2e-on-${Date.now()}-${n++}`)).status).toBe(202);

  // The preset picker edits the draft (saved and published like any other change).
  await page.getByTestId("trigger-config").getByLabel("Verification").selectOption("slack");
  await expect(await jsonDraft(page)).toHaveValue(/"preset": "slack"/);
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
});
