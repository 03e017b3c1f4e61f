import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { scan } from "./axe-scan";
import { createFirstWorkflow, jsonDraft, signUpWithWorkflow } from "./editor-helpers";

// Finding things in the first hour (issue 16, item 7): a new workflow opens in its editor; the integrations, their
// triggers and actions can be browsed and searched in the app; step names are readable on the canvas; the zoom
// controls and the minimap stand out from the canvas in light and dark mode.

const AUTH_NAVIGATION = { timeout: 30_000 };

async function signUp(page: Page, tag: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Fay Finder");
  await page.getByLabel("Email").fill(`e2e-${tag}-${stamp}@example.com`);
  await page.getByLabel("Password").fill(`copper-meadow-${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/[0-9a-f-]{36}$/, AUTH_NAVIGATION);
}

/** The page at 1280×800 in light and dark, kept with the test's results for a person to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`), animations: "disabled" });
  }
  await page.emulateMedia({ colorScheme: null });
}

test("a new workflow opens in its editor, from the empty state and from the New workflow button", async ({ page }) => {
  await signUp(page, "opens");
  await createFirstWorkflow(page, "Lead alerts");

  await page.getByRole("link", { name: "All workflows" }).click();
  await expect(page.getByRole("link", { name: "Lead alerts", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "New workflow" }).click();
  const dialog = page.getByRole("dialog", { name: "New workflow" });
  await dialog.getByLabel("Name").fill("Invoice sync");
  await dialog.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Invoice sync" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Workflow canvas" })).toBeVisible();
});

test("the integrations catalogue: listed from the nav, searched down to actions, one opened, and an action used in a new workflow", async ({ page }, testInfo) => {
  test.slow();
  await signUp(page, "catalogue");

  // While the catalog loads the page shows placeholders in the shape of the cards (the request is held back here).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/trpc\/[^?]*integration\.catalog/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await expect(page.getByTestId("integrations-loading")).toBeVisible();
  release();

  // Every official integration, with its description, what it offers and how it connects.
  const list = page.getByRole("list", { name: "Integrations" });
  const http = list.getByTestId("integration-http-request");
  await expect(http.getByRole("link", { name: "HTTP Request" })).toBeVisible();
  await expect(http).toContainText("Official");
  await expect(http).toContainText("Send any HTTP request");
  await expect(http).toContainText("Send HTTP request");
  await expect(http).toContainText(/Connects with:\s*HTTP authentication/);
  await expect(list.getByTestId("integration-code")).toContainText("Run JavaScript");
  await expect(list.getByTestId("integration-transform")).toBeVisible();
  await shoot(page, testInfo, "catalogue");
  await scan(page, testInfo, "catalogue-scan");

  // Search finds an integration by what one of its actions does, and says which action matched.
  const search = page.getByRole("searchbox", { name: "Search integrations, triggers and actions" });
  await search.fill("javascript");
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading") })).toHaveCount(1);
  await expect(list.getByTestId("integration-code").getByRole("list", { name: "Matches" })).toHaveText(/Run JavaScript/);
  await expect(page.getByTestId("catalogue-count")).toHaveText("1 integration match “javascript”");
  await search.fill("carrier pigeon");
  await expect(page.getByRole("heading", { name: "Nothing matches “carrier pigeon”" })).toBeVisible();
  await shoot(page, testInfo, "catalogue-no-match");
  await page.getByRole("button", { name: "Clear the search" }).click();
  await expect(search).toHaveValue("");
  await expect(list.getByTestId("integration-http-request")).toBeVisible();

  // One integration: how it connects, and each action with what it does and takes.
  await list.getByRole("link", { name: "HTTP Request" }).click();
  await expect(page).toHaveURL(/\/integrations\/http-request$/);
  await expect(page.getByRole("heading", { level: 1, name: /HTTP Request/ })).toBeVisible();
  await expect(page.getByTestId("integration-connection")).toHaveText("HTTP authentication");
  const actions = page.getByRole("region", { name: "Actions" });
  const send = actions.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Send HTTP request" }) });
  await expect(send).toContainText("Calls any HTTP endpoint and returns its status, headers and parsed body.");
  await expect(send).toContainText(/Input: url \(required\), (\w+, ){4}\+2 more/);
  await shoot(page, testInfo, "integration-detail");
  await scan(page, testInfo, "integration-detail-scan");

  // "Use in a new workflow": the editor opens on a workflow that runs the action after a manual trigger.
  await send.getByRole("button", { name: "Use in a new workflow: Send HTTP request" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "HTTP Request: Send HTTP request" })).toBeVisible();
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  await expect(canvas.getByTestId("graph-node-start")).toBeVisible();
  await expect(canvas.getByTestId("graph-node-send_http_request")).toBeVisible();
  await expect(canvas.getByRole("button", { name: "Insert a step between start and send_http_request" })).toHaveCount(1);

  // An unknown integration says so, with the way back.
  const workspace = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/w/${workspace}/integrations/stripe`);
  await expect(page.getByRole("heading", { name: "No such integration here" })).toBeVisible();
  await page.getByRole("link", { name: "All integrations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
});

const action = (id: string, label: string | null, position: { x: number; y: number }) => ({
  id,
  ...(label ? { label } : {}),
  kind: "action",
  action: { integration: "core", version: "1", key: "set" },
  input: {},
  position,
});
const LONG = "Post the weekly sales summary to the #leadership channel on Slack every Monday";
const labelled = {
  schemaVersion: 1,
  nodes: [
    { id: "webhook", label: "Webhook trigger", kind: "trigger", trigger: "webhook", position: { x: 0, y: 0 } },
    action("http", "HTTP Request", { x: 260, y: 0 }),
    action("slack", "Send Slack message", { x: 520, y: 0 }),
    action("send_http_request", null, { x: 260, y: 140 }),
    action("summary", LONG, { x: 520, y: 140 }),
  ],
  edges: [
    { id: "e1", source: "webhook", target: "http" },
    { id: "e2", source: "http", target: "slack" },
    { id: "e3", source: "webhook", target: "send_http_request" },
    { id: "e4", source: "send_http_request", target: "summary" },
  ],
};

test("step names of a usual length show whole on the canvas, a longer one is clipped with its full text on hover, and every node keeps its width", async ({ page }, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Lena Label", tag: "labels" }, "Readable names");
  await (await jsonDraft(page)).fill(JSON.stringify(labelled, null, 2));
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Advanced: JSON" }).click();
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  await expect(canvas.getByTestId("graph-node-summary")).toBeVisible();

  // The element showing the name on its node, and whether the name overflows it.
  const label = (id: string, name: string) => canvas.getByTestId(`graph-node-${id}`).getByText(name, { exact: true });
  const clipped = (id: string, name: string) => label(id, name).evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
  for (const [id, name] of [
    ["webhook", "Webhook trigger"],
    ["http", "HTTP Request"],
    ["slack", "Send Slack message"],
    ["send_http_request", "send_http_request"],
  ] as const) {
    expect(await clipped(id, name), `"${name}" is shown whole`).toBe(false);
    await expect(label(id, name)).toHaveAttribute("title", name);
  }
  expect(await clipped("summary", LONG), "the long name is clipped").toBe(true);
  await expect(label("summary", LONG)).toHaveAttribute("title", LONG);

  // The layout's width (graph-layout.ts NODE_WIDTH) holds for every node, whatever its name.
  const widths = await canvas.locator("[data-testid^='graph-node-']").evaluateAll((els) => els.map((el) => (el as HTMLElement).offsetWidth));
  expect(new Set(widths)).toEqual(new Set([184]));
  await shoot(page, testInfo, "labels");
});

/**
 * Contrast ratios (WCAG 2.x) of the canvas's controls, measured in the page: colours resolved through a canvas
 * (so oklch and alpha work) and composited over what is behind them.
 */
async function controlContrast(page: Page) {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgba = (color: string): [number, number, number, number] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#000";
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
      [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
    /** What an element's background looks like: its colour over its ancestors', over white. */
    const backdrop = (el: Element | null): [number, number, number] => {
      const chain: Element[] = [];
      for (let e = el; e; e = e.parentElement) chain.unshift(e);
      return chain.reduce<[number, number, number]>((under, e) => over(rgba(getComputedStyle(e).backgroundColor), under), [255, 255, 255]);
    };
    const luminance = (c: [number, number, number]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: [number, number, number], b: [number, number, number]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
    };
    const pane = backdrop(document.querySelector(".react-flow"));
    /** A box's edge: its border when it has one, else its own background. */
    const edge = (el: Element) => {
      const s = getComputedStyle(el);
      return parseFloat(s.borderTopWidth) > 0 ? over(rgba(s.borderTopColor), pane) : backdrop(el.querySelector("button") ?? el);
    };
    const controls = document.querySelector(".react-flow__controls")!;
    const buttons = [...controls.querySelectorAll("button")];
    const minimap = document.querySelector(".react-flow__minimap");
    return {
      controlsEdge: ratio(edge(controls), pane),
      iconContrast: Math.min(...buttons.map((b) => ratio(over(rgba(getComputedStyle(b).color), backdrop(b)), backdrop(b)))),
      iconSize: Math.min(...buttons.map((b) => b.querySelector("svg")!.getBoundingClientRect().width)),
      minimapEdge: minimap ? ratio(edge(minimap), pane) : null,
    };
  });
}

test("the zoom controls and the minimap stand out from the canvas, with legible icons, in light and in dark mode", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUpWithWorkflow(page, { name: "Zed Zoom", tag: "controls" }, "Zoomable");
  await (await jsonDraft(page)).fill(JSON.stringify(labelled, null, 2));
  await expect(page.getByTestId("draft-state")).toHaveText("Saved");
  await page.getByRole("button", { name: "Advanced: JSON" }).click();
  const canvas = page.getByRole("region", { name: "Workflow canvas" });
  const controls = canvas.getByLabel("Zoom and view");
  await expect(controls.getByRole("button", { name: /zoom in/i })).toBeVisible();
  await controls.getByRole("button", { name: "Show the minimap" }).click();
  await expect(canvas.getByLabel("Minimap: the whole workflow and the part in view")).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(canvas.locator(".react-flow")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /\blight\b/);
    const measured = await controlContrast(page);
    expect(measured.controlsEdge, `${colorScheme}: the controls' edge against the canvas`).toBeGreaterThanOrEqual(3);
    expect(measured.iconContrast, `${colorScheme}: the icons against their buttons`).toBeGreaterThanOrEqual(4.5);
    expect(measured.iconSize, `${colorScheme}: icon size (px)`).toBeGreaterThanOrEqual(14);
    expect(measured.minimapEdge, `${colorScheme}: the minimap's edge against the canvas`).toBeGreaterThanOrEqual(3);
  }
  await shoot(page, testInfo, "controls");
});
