/**
 * Opening the editor: a 200-node and a 1,000-node workflow draft (bench/lib/editor-graphs.ts: webhook trigger,
 * HTTP calls, if-branches, merges, loops, Code steps, mapped templates, positions), seeded through the server's
 * own saveDraft and opened in chromium against `next start` behind the edge, as `npm start` serves it.
 * Each open is a fresh browser context (nothing cached) and is timed from navigation start with the marks the
 * editor emits (app/_lib/perf-marks.ts):
 *   canvas ready  "editor:canvas-ready": every node measured and painted;
 *   interactive   the bench clicks the trigger node as soon as the canvas is ready, and takes "editor:node-selected"
 *                 (the node outlined and its form painted) as the moment the editor answered.
 * Prints p50/p95 over OPENS opens per size (default 7, after one warm-up open). Targets: interactive ≤ 1 s for
 * 200 nodes, ≤ 3 s for 1,000. Also the renderer's main-thread busy time up to interactive (CDP Performance
 * metrics, TaskDuration): what the page itself costs, which a loaded machine inflates less than wall time.
 * PROFILE=dir writes a CPU profile (.cpuprofile, open in Chrome DevTools) of each size's last open there.
 *   bash scripts/node.sh bench/editor-open.ts      (SIZES=200,1000 OPENS=7 BENCH_NICE=-10; builds the app first when stale)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { MARK_CANVAS_READY, MARK_NODE_SELECTED } from "../app/_lib/perf-marks";
import { boostPriority, CHROMIUM, ms, pct, seedWorkflow, signedInContext, startEditorApp, type EditorApp, type BenchUser } from "./lib/editor-app";
import { editorGraph } from "./lib/editor-graphs";

const SIZES = (process.env.SIZES ?? "200,1000").split(",").map(Number);
const OPENS = Number(process.env.OPENS ?? 7);
const TARGET_MS: Record<number, number> = { 200: 1000, 1000: 3000 };
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");

type Open = { ready: number; interactive: number; clickToSelected: number; fcp: number; busy: number };

/** One open in a fresh context: navigation start → canvas ready → (click the trigger) → selection painted. */
async function openOnce(browser: Browser, app: EditorApp, user: BenchUser, url: string, profile?: string): Promise<Open> {
  const context = await signedInContext(browser, app, user);
  try {
    const page = await context.newPage();
    // When the click reached the page, to tell the editor's answer apart from the bench's own reaction time.
    await page.addInitScript(() => document.addEventListener("pointerdown", () => performance.mark("bench:pointerdown"), { capture: true }));
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    if (profile) await cdp.send("Profiler.enable").then(() => cdp.send("Profiler.setSamplingInterval", { interval: 200 })).then(() => cdp.send("Profiler.start"));
    await page.goto(app.baseUrl + url, { waitUntil: "commit" });
    const has = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { polling: "raf", timeout: 120_000 });
    await has(MARK_CANVAS_READY).catch(async (e: Error) => {
      throw new Error(`no ${MARK_CANVAS_READY} mark: ${e.message}\n${(await page.locator("body").innerText()).slice(0, 500)}`);
    });
    await page.getByTestId("graph-node-start").click();
    await has(MARK_NODE_SELECTED);
    const { metrics } = await cdp.send("Performance.getMetrics");
    const busy = (metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN) * 1000;
    if (profile) writeFileSync(profile, JSON.stringify((await cdp.send("Profiler.stop")).profile));
    const marks = await page.evaluate(
      ([ready, selected]) => {
        const at = (n: string) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN;
        return { ready: at(ready!), interactive: at(selected!), clickToSelected: at(selected!) - at("bench:pointerdown"), fcp: at("first-contentful-paint") };
      },
      [MARK_CANVAS_READY, MARK_NODE_SELECTED],
    );
    return { ...marks, busy };
  } finally {
    await context.close();
  }
}

say(`load average at start: ${load()}`);
if (process.env.PROFILE) mkdirSync(process.env.PROFILE, { recursive: true });
const app = await startEditorApp("editor-open", say);
let browser: Browser | undefined;
try {
  const user = await app.user("Bench Opener");
  browser = await chromium.launch(CHROMIUM);
  for (const size of SIZES) {
    const wf = await seedWorkflow(user, `Open ${size}`, editorGraph(size));
    await openOnce(browser, app, user, wf.url); // warm-up: the server's first render of the route
    const opens: Open[] = [];
    for (let i = 0; i < OPENS; i++) {
      const profile = process.env.PROFILE && i === OPENS - 1 ? path.resolve(process.env.PROFILE, `editor-open-${size}.cpuprofile`) : undefined;
      opens.push(await openOnce(browser, app, user, wf.url, profile));
      if (profile) say(`CPU profile: ${profile}`);
    }
    const f = (key: keyof Open) => `p50 ${ms(pct(opens.map((o) => o[key]), 50))}, p95 ${ms(pct(opens.map((o) => o[key]), 95))}`;
    const p95 = pct(opens.map((o) => o.interactive), 95);
    const target = TARGET_MS[size];
    say(`editor open, ${size} nodes (${wf.problems} problems), ${OPENS} cold opens: interactive ${f("interactive")}${target ? ` (target ≤ ${ms(target)}: ${p95 <= target ? "met" : "MISSED"})` : ""}; main thread busy until then ${f("busy")}; canvas ready ${f("ready")}; first paint ${f("fcp")}; click → selected ${f("clickToSelected")} (load ${load()}${boostPriority()})`);
  }
} finally {
  await browser?.close();
  await app.stop();
}
