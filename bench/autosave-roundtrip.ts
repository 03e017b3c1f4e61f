/**
 * Autosave of a 1,000-node draft (bench/lib/editor-graphs.ts) through the real route: POST /api/trpc/workflow.saveDraft
 * on `next start` behind the edge, as `npm start` serves it, with a session cookie, the draft's revision, and the
 * undo history the editor stores with it. Each save is what the editor sends after one edit: one step moved, the
 * move recorded in the history (the editor's own operations, app/_lib/graph-edit), the whole graph and history in
 * the body. Prints the body size and the round trip p50/p95/max over SAVES saves after WARMUP (target p95 ≤ 150 ms),
 * and the CPU time the edge and web processes spent per save (from /proc: a loaded machine inflates it less).
 *   bash scripts/node.sh bench/autosave-roundtrip.ts      (NODES=1000 SAVES=60; builds the app first when stale)
 */
import { loadavg } from "node:os";
import { toDoc } from "../app/_lib/graph-edit/doc";
import { emptyHistory, record, serializeHistory } from "../app/_lib/graph-edit/history";
import { apply, moveNodesOp } from "../app/_lib/graph-edit/ops";
import { boostPriority, pct, seedWorkflow, startEditorApp } from "./lib/editor-app";
import { editorGraph } from "./lib/editor-graphs";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../server/http/csrf-header";

const NODES = Number(process.env.NODES ?? 1000);
const SAVES = Number(process.env.SAVES ?? 60);
const WARMUP = 10;
const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(" ");
const f1 = (x: number) => `${x.toFixed(1)} ms`;

say(`load average at start: ${load()}`);
const app = await startEditorApp("autosave", say);
try {
  const user = await app.user("Bench Saver");
  const graph = editorGraph(NODES);
  const wf = await seedWorkflow(user, `Autosave ${NODES}`, graph);
  const ids = { workspaceId: user.personalWorkspaceId, workflowId: wf.id };
  const cookie = `${user.cookie.name}=${user.cookie.value}`;
  // The editor opens the draft as the server stored it (defaults filled in), and adopts what a save stored.
  const stored = await user.caller.workflow.get(ids);
  const parsed = toDoc(stored.draftGraph);
  if (!parsed.ok) throw new Error(parsed.error);
  let doc = parsed.doc;
  let history = emptyHistory();
  let revision = 2; // seeding saved revision 1
  const times: number[] = [];
  let bytes = 0;
  let echoed = 0;
  let cpuBefore = 0;
  for (let i = 0; i < WARMUP + SAVES; i++) {
    // One edit, as the editor makes it: a step moved, recorded for undo.
    const node = doc.nodes[1 + (i % (doc.nodes.length - 1))]!;
    const p = node.position as { x: number; y: number };
    const op = moveNodesOp(doc, new Map([[node.id, { x: p.x + 8, y: p.y + 4 }]]))!;
    doc = apply(doc, op);
    history = record(history, op, { now: Date.now() });
    if (i === WARMUP) cpuBefore = app.serverCpuMs();
    const body = JSON.stringify({ json: { ...ids, draftRevision: revision, graph: doc, history: serializeHistory(history) } });
    bytes = Buffer.byteLength(body);
    const t = performance.now();
    const res = await fetch(`${app.baseUrl}/api/trpc/workflow.saveDraft`, { method: "POST", body, headers: { "content-type": "application/json", cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE } });
    const text = await res.text();
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`save ${i} answered ${res.status}: ${text.slice(0, 300)}`);
    const saved = (JSON.parse(text) as { result: { data: { json: { draftRevision: number; draftGraph: unknown } } } }).result.data.json;
    revision = saved.draftRevision;
    if (saved.draftGraph !== null) {
      // Storing changed the graph (defaults filled in): the editor takes the stored graph, as its "saved" action does.
      const adopted = toDoc(saved.draftGraph);
      if (!adopted.ok) throw new Error(adopted.error);
      doc = adopted.doc;
      if (i >= WARMUP) echoed += 1;
    }
    if (i >= WARMUP) times.push(elapsed);
  }
  const cpuPerSave = (app.serverCpuMs() - cpuBefore) / SAVES;
  const p95 = pct(times, 95);
  say(
    `autosave round trip, ${NODES}-node draft (${(bytes / 1024).toFixed(0)} KiB body with history, ${wf.problems} problems), ${SAVES} saves over HTTP: ` +
      `p50 ${f1(pct(times, 50))}, p95 ${f1(p95)} (target ≤ 150 ms: ${p95 <= 150 ? "met" : "MISSED"}), max ${f1(Math.max(...times))}; ${echoed} of the answers carried the graph back; server CPU (edge + next start) ${f1(cpuPerSave)} per save (load ${load()}${boostPriority()})`,
  );
} finally {
  await app.stop();
}
