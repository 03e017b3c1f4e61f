import { NODE_HEIGHT, NODE_WIDTH } from "../../app/(app)/w/[workspaceId]/_graph/graph-layout";

/**
 * Workflows as people build them, at editor-benchmark sizes: a webhook trigger, then sections of an HTTP call
 * (official HTTP Request integration, mapped URL, headers and JSON body), an if-branch into a Code step or a
 * core.set step, a merge, and a loop over the call's items whose body calls out again and runs code; every input
 * maps earlier steps' output with templates, and every node has a position (laid out left to right in columns,
 * as the editor's tidy-up would). `nodes` counts every node, the trigger included.
 */
type Node = Record<string, unknown> & { id: string };
type Edge = { id: string; source: string; target: string; sourceHandle?: string };
export type BenchGraph = { schemaVersion: 1; nodes: Node[]; edges: Edge[] };

const HTTP = { integration: "http-request", version: "1.2.0", key: "send_request" };
const CODE = { integration: "code", version: "1.0.0", key: "run_code" };
const SET = { integration: "core", version: "1", key: "set" };
const SECTION = 10;
const COL = NODE_WIDTH + 60;
const ROW = NODE_HEIGHT + 40;

export function editorGraph(nodes: number): BenchGraph {
  const g: BenchGraph = { schemaVersion: 1, nodes: [], edges: [] };
  const at = (col: number, row: number) => ({ x: col * COL, y: row * ROW });
  const edge = (source: string, target: string, sourceHandle?: string) =>
    g.edges.push({ id: `${source}-${sourceHandle ?? "out"}-${target}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) });
  g.nodes.push({ id: "start", kind: "trigger", label: "Order received", trigger: "webhook", position: at(0, 1) });
  let previous = "start";
  let previousHandle: string | undefined;
  let col = 1;
  for (let i = 1; g.nodes.length + SECTION <= nodes; i++) {
    const s = (name: string) => `${name}_${i}`;
    const from = i === 1 ? "trigger.body" : `steps.fetch_${i - 1}.output.body`;
    const add = (node: Node, c: number, row: number) => g.nodes.push({ ...node, position: at(col + c, row) });
    add({ id: s("fetch"), kind: "action", label: `Fetch order page ${i}`, action: HTTP, input: {
      method: "POST",
      url: `https://api.example.com/orders/{{ trigger.body.orderId }}/items?page=${i}`,
      headers: { Authorization: "Bearer {{ trigger.headers.authorization }}", "X-Request": `{{ ${from}.requestId }}` },
      body: { type: "json", data: { customer: `{{ ${from}.customer.id }}`, note: `Page ${i} for {{ trigger.body.customer.name }}` } },
    }, settings: { onError: "route", retry: { maxAttempts: 3, backoff: "exponential", initialIntervalMs: 1000, nonRetryable: [] } } }, 0, 1);
    add({ id: s("check"), kind: "branch", label: "Anything to do?", mode: "if", expression: `length(steps.fetch_${i}.output.body.items) > 0`, cases: [] }, 1, 1);
    add({ id: s("shape"), kind: "action", label: "Shape the items", action: CODE, input: {
      code: `const items = inputs.items ?? [];\nreturn items.filter((it) => it.qty > 0).map((it) => ({ sku: it.sku, total: it.qty * it.price }));`,
      inputs: { items: `{{ steps.fetch_${i}.output.body.items }}`, currency: "{{ trigger.body.currency }}" },
    } }, 2, 0);
    add({ id: s("empty"), kind: "action", label: "Nothing to ship", action: SET, input: { status: "empty", order: "{{ trigger.body.orderId }}", page: i } }, 2, 2);
    add({ id: s("failed"), kind: "action", label: "Record the failure", action: SET, input: { error: `{{ steps.fetch_${i}.output.message }}`, page: i } }, 1, 3);
    add({ id: s("join"), kind: "merge", label: "Join", mode: "first" }, 3, 1);
    add({ id: s("each"), kind: "loop", label: "For each item", items: `{{ steps.fetch_${i}.output.body.items }}`, concurrency: 4, continueOnItemFailure: false }, 4, 1);
    add({ id: s("notify"), kind: "action", label: "Notify the warehouse", action: HTTP, input: {
      method: "PUT",
      url: "https://warehouse.example.com/sku/{{ item.sku }}",
      headers: {},
      body: { type: "json", data: { qty: "{{ item.qty }}", order: "{{ trigger.body.orderId }}" } },
    } }, 5, 0);
    add({ id: s("log"), kind: "action", label: "Log the line", action: CODE, input: { code: "log.info(`sku ${inputs.sku}`);\nreturn { ok: true };", inputs: { sku: "{{ item.sku }}" } } }, 6, 0);
    add({ id: s("wait"), kind: "delay", label: "Breathe", durationMs: 500 }, 5, 2);
    edge(previous, s("fetch"), previousHandle);
    edge(s("fetch"), s("check"));
    edge(s("fetch"), s("failed"), "error");
    edge(s("check"), s("shape"), "true");
    edge(s("check"), s("empty"), "false");
    edge(s("shape"), s("join"));
    edge(s("empty"), s("join"));
    edge(s("join"), s("each"));
    edge(s("each"), s("notify"), "each");
    edge(s("notify"), s("log"));
    edge(s("log"), s("each"));
    edge(s("each"), s("wait"), "done");
    previous = s("wait");
    previousHandle = undefined;
    col += 7;
  }
  // Top up to exactly `nodes` with a tail of set steps.
  for (let k = 1; g.nodes.length < nodes; k++) {
    const id = `tail_${k}`;
    g.nodes.push({ id, kind: "action", label: `Tail ${k}`, action: SET, input: { done: `{{ steps.${previous}.output }}` }, position: at(col++, 1) });
    edge(previous, id);
    previous = id;
  }
  return g;
}
