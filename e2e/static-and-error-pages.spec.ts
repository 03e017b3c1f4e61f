import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";

// What a browser gets besides the app's pages: the static files in public/, and the page the edge shows when the
// web app behind it is down (a person reads it; an API client still gets JSON).

const root = path.resolve(import.meta.dirname, "..");

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: null });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test("the favicon, logo, default integration icon and robots.txt are served from public/", async ({ page, request }) => {
  await page.goto("/sign-in");
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toMatch(/^\/favicon\.svg/);
  for (const file of [icon!, "/logo.svg", "/integration-default.svg"]) {
    const res = await request.get(file);
    expect(res.status(), file).toBe(200);
    expect(res.headers()["content-type"], file).toContain("image/svg+xml");
  }
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*$[\s\S]*^Disallow: \/$/m);
});

test.describe("the edge with the web app down", () => {
  let edge: ChildProcess;
  let base: string;
  test.beforeAll(async () => {
    // The real edge process (server/edge/main.ts), as npm start runs it, in front of a port nothing listens on.
    // Its database is only asked about webhook deliveries, which this test sends none of.
    const [port, webPort] = [await freePort(), await freePort()];
    edge = spawn(process.execPath, ["--import", "tsx", "server/edge/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: process.env.DATABASE_URL ?? `postgres://unused@127.0.0.1:${await freePort()}/unused`,
        PORT: String(port),
        JUNCTION_WEB_PORT: String(webPort),
        JUNCTION_SERVICE: "edge",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    base = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${base}/api/health`).then((r) => r.status, () => 0), { timeout: 30_000 }).toBe(503);
  });
  test.afterAll(() => {
    edge?.kill("SIGTERM");
  });

  test("a browser gets a page saying what happened and what to do, not raw JSON; an API client still gets JSON", async ({ page, request }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const res = await page.goto(`${base}/w/anything`);
    expect(res?.status()).toBe(503);
    await expect(page.getByRole("heading", { name: "Junction is starting up" })).toBeVisible();
    await expect(page.getByText("The web app is not running right now")).toBeVisible();
    await expect(page.getByText(/look at the terminal running npm start/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("{");
    await shoot(page, testInfo, "edge-web-down");

    const api = await request.get(`${base}/api/trpc/workflow.list`, { headers: { accept: "application/json" } });
    expect(api.status()).toBe(503);
    expect((await api.json()) as { error: string }).toEqual({ error: expect.stringContaining("The web app is not answering") });
  });
});
