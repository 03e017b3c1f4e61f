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

/** Toasts ("Created …", "Published version 1") fade by themselves; close them so they do not cover the picture. */
async function dismissToasts(page: Page): Promise<void> {
  const close = page.getByTestId("toasts").getByRole("button", { name: "Dismiss" });
  while ((await close.count()) > 0) await close.first().click();
}

/** The editor as a person would leave it for a picture: saved, the whole graph in view, no toasts. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId("draft-state")).toHaveText("Saved", { timeout: 30_000 });
  await page.getByRole("button", { name: "Fit view" }).click();
  await dismissToasts(page);
}

async function walk(page: Page): Promise<void> {
  const stamp = Date.now().toString(36);
  await page.goto(`${base}/sign-up`);
  await page.getByLabel("Name").fill("Ada Example");
  await page.getByLabel("Email").fill(`ada-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, { timeout: 30_000 });

  // 1. Create a workflow: it opens in the editor.
  await page.getByRole("button", { name: "Create your first workflow" }).click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByLabel("Name").fill("Greet new stars");
  await shoot(page, "1-new-workflow");
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Greet new stars" })).toBeVisible({ timeout: 30_000 });

  // 2. The webhook trigger, picked in the palette; its configuration opens beside the canvas.
  const palette = page.getByRole("region", { name: "Add steps" });
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  // A click before the page has hydrated does nothing: click until the trigger is there.
  await expect(async () => {
    if ((await canvas.getByTestId("graph-node-webhook").count()) === 0) await palette.getByRole("option", { name: /^Webhook ?:/ }).click();
    await expect(canvas.getByTestId("graph-node-webhook")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("trigger-config")).toBeVisible();
  await settle(page);
  await shoot(page, "2-webhook-trigger");

  // 3. A step after it (Ctrl+K with the trigger selected), filled in through its form.
  await page.keyboard.press("Control+k");
  const picker = page.getByRole("dialog", { name: "Add a step after webhook" });
  await picker.getByRole("combobox", { name: "Search steps" }).fill("set data");
  await page.keyboard.press("Enter");
  await expect(canvas.getByTestId("graph-node-set")).toBeVisible();
  await page.getByRole("button", { name: "Add field" }).click();
  await page.getByLabel("Fields key 1").fill("text");
  await page.getByLabel("Fields: text").fill("Thanks for the star, {{ trigger.body.sender }}!");
  await settle(page);
  await shoot(page, "3-step-form");

  // 4. Publish: the draft becomes version 1.
  await page.getByRole("button", { name: "Publish…" }).click();
  const publish = page.getByRole("dialog", { name: "Publish workflow" });
  await publish.getByLabel("What changed").fill("Thank stargazers");
  await shoot(page, "4-publish");
  await publish.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish).toBeHidden();

  // 5. Switch it on: the trigger's panel shows the URL and "Listening" at once.
  await page.getByRole("switch", { name: "Active" }).click();
  await canvas.getByTestId("graph-node-webhook").click();
  const section = page.getByTestId("webhook-section");
  await expect(section.getByText("Listening", { exact: true })).toBeVisible({ timeout: 30_000 });
  await settle(page);
  await section.scrollIntoViewIfNeeded();
  await shoot(page, "5-active-webhook");

  // 6. Call it, and read the run: the trigger's data is its first step.
  const url = await section.getByLabel("Webhook URL").inputValue();
  const sent = await page.request.post(url, { data: { sender: "ada" } });
  const { runId } = (await sent.json()) as { runId: string };
  const workspace = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`${base}/w/${workspace}/runs/${runId}`);
  await expect(page.getByTestId("run-status").first()).toHaveText("Succeeded", { timeout: 60_000 });
  await page.getByTestId("step-set").getByRole("button").first().click();
  await dismissToasts(page);
  await shoot(page, "6-run");

  // The integrations catalogue, from the sidebar.
  await page.goto(`${base}/w/${workspace}/integrations`);
  await expect(page.getByRole("list", { name: "Integrations" })).toBeVisible({ timeout: 30_000 });
  await shoot(page, "7-integrations");
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
