/**
 * Refreshes the screenshots of README.md's "Your first automation" walkthrough (docs/screenshots/), by walking it
 * in Chromium at 1280×800, light and dark, against a running Junction:
 *
 *     npm start                                   # in one terminal
 *     bash scripts/node.sh scripts/screenshots.ts # in another (BASE_URL=http://localhost:3000 by default)
 *
 * It signs up a new user each time, so it can run against any instance, and leaves that user's workspace behind.
 * Debian's chromium (CHROMIUM_PATH to override), like the browser tests.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, expect, type Page } from "@playwright/test";
import { runMain } from "./lib/fail";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "docs", "screenshots");
const base = process.env.BASE_URL ?? "http://localhost:3000";

async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(out, `${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
  console.log(`  docs/screenshots/${name}-{light,dark}.png`);
}

async function walk(page: Page): Promise<void> {
  const stamp = Date.now().toString(36);
  await page.goto(`${base}/sign-up`);
  await page.getByLabel("Name").fill("Ada Example");
  await page.getByLabel("Email").fill(`ada-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  // 1. Create a workflow.
  await page.getByRole("button", { name: "Create your first workflow" }).click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByLabel("Name").fill("Greet new stars");
  await shoot(page, "1-new-workflow");
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  if (!/\/workflows\//.test(page.url())) await page.getByRole("link", { name: "Greet new stars", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Greet new stars" })).toBeVisible();

  // 2. A webhook trigger and one step, saved, published and switched on.
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "start", kind: "trigger", trigger: "webhook", webhook: { verification: { preset: "none" } }, position: { x: 0, y: 80 } },
      { id: "greet", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { text: "Thanks for the star, {{ trigger.body.sender }}!" }, position: { x: 320, y: 80 } },
    ],
    edges: [{ id: "start-greet", source: "start", target: "greet" }],
  };
  const json = page.getByLabel("Draft graph JSON");
  await expect(async () => {
    if (!(await json.isVisible())) await page.getByRole("button", { name: "Advanced: JSON" }).click();
    await expect(json).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await json.fill(JSON.stringify(graph, null, 2));
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Advanced: JSON" }).click();
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();
  await page.getByRole("switch", { name: "Active" }).click();
  const section = page.getByTestId("webhook-section");
  await expect(section.getByText("Listening", { exact: true })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shoot(page, "2-active-webhook");

  // 3. Call it, and read the run: the trigger's data is its first step.
  const url = await section.getByLabel("Webhook URL").inputValue();
  const sent = await page.request.post(url, { data: { sender: "ada" } });
  const { runId } = (await sent.json()) as { runId: string };
  const workspace = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`${base}/w/${workspace}/runs/${runId}`);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", { timeout: 60_000 });
  await page.getByTestId("step-greet").getByRole("button").first().click();
  await shoot(page, "3-run");
}

async function main(): Promise<number> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    console.log(`Walking the first automation on ${base}:`);
    await walk(page);
    return 0;
  } finally {
    await browser.close();
  }
}

runMain(main);
