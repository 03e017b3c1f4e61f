import { defineConfig } from "@playwright/test";

// `npm test` (scripts/test.ts) builds the app, starts it on a free port against a fresh database and sets
// BASE_URL. Debian's chromium, never a downloaded browser: CI has no route to Playwright's CDN.
export default defineConfig({
  testDir: "e2e",
  // 2 cores: one browser at a time, or the app server and the browser starve each other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  reporter: [
    ["list"],
    // scripts/test.ts reads the counts from this file for its summary line.
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/results.json" }],
  ],
  use: {
    baseURL: process.env.BASE_URL ?? "http://localhost:3000",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", // we run as root in containers; chromium's sandbox refuses root
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
