/**
 * Editing a 500-node workflow (bench/lib/editor-graphs.ts) in chromium against `next start` behind the edge:
 * 1. Dragging a node with the mouse for DRAG_MS (default 2 s, one move every 16 ms): frame times as the deltas
 *    between requestAnimationFrame callbacks, p50/p95/max, and long animation frames (PerformanceObserver
 *    "long-animation-frame", > 50 ms). Chromium draws at 60 Hz, so a frame on time is 16.7 ms apart from the
 *    last and the target (p95 ≤ 16 ms) reads as: p95 within one 60 Hz frame, no dropped frames at p95.
 *    The idle page's frame time is printed as the floor.
 *    Also how many node components rendered during the drag (the counter in app/_lib/perf-marks.ts).
 * 2. Typing KEYS characters into the URL field of the selected HTTP step's form: node components rendered per
 *    keystroke (goal: only that node, 1 or 0) and keystroke → painted latency (event timestamp to the frame after).
 * PROFILE=dir writes CPU profiles of the drag and of the typing there (.cpuprofile, open in Chrome DevTools).
 *   bash scripts/node.sh bench/editor-drag.ts      (NODES=500 DRAG_MS=2000 KEYS=20; builds the app first when stale)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { MARK_CANVAS_READY } from "../app/_lib/perf-marks";
import { boostPriority, CHROMIUM, seedWorkflow, signedInContext, startEditorApp } from "./lib/editor-app";
import { editorGraph } from "./lib/editor-graphs";

const NODES = Number(process.env.NODES ?? 500);
const DRAG_MS = Number(process.env.DRAG_MS ?? 2000);
const KEYS = Number(process.env.KEYS ?? 20);
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const f1 = (x: number) => `${x.toFixed(1)} ms`;

type Frames = { p50: number; p95: number; max: number; n: number; long: number; longMax: number };

/** Starts collecting frame deltas and long animation frames in the page; the returned function stops and summarises. */
async function frames(page: Page): Promise<() => Promise<Frames>> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { deltas: number[]; long: number[]; stop: boolean; obs?: PerformanceObserver } };
    w.__bench = { deltas: [], long: [], stop: false };
    let last = performance.now();
    const tick = (t: number) => {
      if (w.__bench.stop) return;
      w.__bench.deltas.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
    try {
      w.__bench.obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__bench.long.push(e.duration)));
      w.__bench.obs.observe({ type: "long-animation-frame", buffered: false });
    } catch {
      // an older chromium without LoAF: deltas only
    }
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __bench: { deltas: number[]; long: number[]; stop: boolean; obs?: PerformanceObserver } };
      w.__bench.stop = true;
      w.__bench.obs?.disconnect();
      const d = [...w.__bench.deltas].sort((a, b) => a - b);
      const at = (p: number) => d[Math.min(d.length - 1, Math.floor((p / 100) * d.length))] ?? NaN;
      return { p50: at(50), p95: at(95), max: d.at(-1) ?? NaN, n: d.length, long: w.__bench.long.length, longMax: Math.max(0, ...w.__bench.long) };
    });
}

/** Profiles what `fn` makes the page do when PROFILE names a folder; otherwise just runs it. */
async function profiled<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  if (!process.env.PROFILE) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const result = await fn();
  const file = path.resolve(process.env.PROFILE, `editor-${name}.cpuprofile`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify((await cdp.send("Profiler.stop")).profile));
  say(`CPU profile: ${file}`);
  return result;
}

const resetRenders = (page: Page) => page.evaluate(() => Object.assign(window, { __junctionRenders: {} }));
const readRenders = (page: Page) =>
  page.evaluate(() => {
    const counts = (window as unknown as { __junctionRenders: Record<string, number> }).__junctionRenders;
    const steps = Object.entries(counts).filter(([k]) => k.startsWith("step:"));
    return { total: steps.reduce((s, [, n]) => s + n, 0), distinct: steps.length, ids: steps.map(([k]) => k.slice(5)) };
  });
const settle = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));

say(`load average at start: ${load()}`);
const app = await startEditorApp("editor-drag", say);
let browser: Browser | undefined;
try {
  const user = await app.user("Bench Dragger");
  const wf = await seedWorkflow(user, `Drag ${NODES}`, editorGraph(NODES));
  browser = await chromium.launch(CHROMIUM);
  const context = await signedInContext(browser, app, user);
  const page = await context.newPage();
  await page.addInitScript(() => Object.assign(window, { __junctionRenders: {} }));
  page.on("pageerror", (e) => say(`page error: ${e.message}`));
  await page.goto(app.baseUrl + wf.url);
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, MARK_CANVAS_READY, { polling: 100, timeout: 180_000 }).catch(async (e: Error) => {
    throw new Error(`no ${MARK_CANVAS_READY} mark: ${e.message}\n${(await page.locator("body").innerText()).slice(0, 500)}`);
  });
  await settle(page);

  // The idle page's frame time: the floor under the drag's figures on this machine.
  let stop = await frames(page);
  await page.waitForTimeout(1000);
  const idle = await stop();
  say(`idle frames (${NODES}-node workflow open): p50 ${f1(idle.p50)}, p95 ${f1(idle.p95)} over ${idle.n} frames (load ${load()}${boostPriority()})`);

  // 1. Drag: press on a visible step, move 2 px every 16 ms, release.
  const node = page.getByTestId("graph-node-fetch_1");
  const box = (await node.boundingBox())!;
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await resetRenders(page);
  stop = await frames(page);
  const drag = await profiled(page, "drag", async () => {
    const began = Date.now();
    for (let i = 1; Date.now() - began < DRAG_MS; i++) {
      await page.mouse.move(x0 + (i % 200) * 2, y0 + Math.round(Math.sin(i / 10) * 30));
      await page.waitForTimeout(16);
    }
    return stop();
  });
  await page.mouse.up();
  await settle(page);
  const dragRenders = await readRenders(page);
  say(
    `drag a node in a ${NODES}-node workflow for ${DRAG_MS / 1000} s: frame time p50 ${f1(drag.p50)}, p95 ${f1(drag.p95)} (target: within one 60 Hz frame, 16.7 ms: ${drag.p95 <= 17.5 ? "met" : "MISSED"}), max ${f1(drag.max)} over ${drag.n} frames; ` +
      `${drag.long} long animation frames (longest ${f1(drag.longMax)}); node renders during the drag ${dragRenders.total} across ${dragRenders.distinct} nodes (load ${load()}${boostPriority()})`,
  );

  // 2. Typing into the selected HTTP step's URL field.
  await node.click();
  const url = page.getByTestId("node-inspector").getByLabel("URL", { exact: true });
  await url.click();
  await page.keyboard.press("End");
  await settle(page);
  await resetRenders(page);
  await page.evaluate(() => {
    const lat: number[] = [];
    Object.assign(window, { __keys: lat });
    document.addEventListener("keydown", (e) => requestAnimationFrame(() => setTimeout(() => lat.push(performance.now() - e.timeStamp), 0)), { capture: true });
  });
  await profiled(page, "typing", async () => {
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await page.waitForTimeout(60);
    }
    await settle(page);
  });
  const typed = await readRenders(page);
  const keys = await page.evaluate(() => [...(window as unknown as { __keys: number[] }).__keys].sort((a, b) => a - b));
  const kp = (p: number) => keys[Math.min(keys.length - 1, Math.floor((p / 100) * keys.length))] ?? NaN;
  const others = typed.ids.filter((id) => id !== "fetch_1");
  say(
    `typing ${KEYS} characters into a step's URL field: ${(typed.total / KEYS).toFixed(2)} node renders per keystroke (goal ≤ 1: the edited node only), ` +
      `${typed.distinct} distinct nodes rendered${others.length ? ` (besides fetch_1: ${others.slice(0, 5).join(", ")}${others.length > 5 ? ", …" : ""})` : ""}; keystroke → painted p50 ${f1(kp(50))}, p95 ${f1(kp(95))} (load ${load()}${boostPriority()})`,
  );
  await context.close();
} finally {
  await browser?.close();
  await app.stop();
}
