import type { Graph } from "../../workflows/graph";

export { startScratchEngine as startEngine } from "../../scripts/lib/scratch-engine";

const CORE_SET = { integration: "core", version: "1", key: "set" };
const HTTP = { integration: "core", version: "1", key: "http_request" };

/** A linear graph of n steps: trivial core.set steps, or HTTP calls to `httpUrl` (a loopback server). */
export function linearGraph(n: number, httpUrl?: string): Graph {
  const ids = Array.from({ length: n }, (_, i) => `s${i + 1}`);
  const step = (id: string) =>
    httpUrl
      ? { id, kind: "action", action: HTTP, input: { url: httpUrl, method: "POST", body: { step: id } }, settings: { onError: "fail" } }
      : { id, kind: "action", action: CORE_SET, input: { v: id }, settings: { onError: "fail" } };
  const nodes = [{ id: "start", kind: "trigger" }, ...ids.map(step)];
  const edges = ids.map((id, i) => ({ id: `e${i}`, source: ["start", ...ids][i]!, target: id }));
  return { schemaVersion: 1, nodes, edges } as unknown as Graph;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
