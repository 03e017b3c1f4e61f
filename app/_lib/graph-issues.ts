/**
 * The server reports graph problems as form errors keyed "nodes.<nodeId>.<field>" (server/workflows/publish.ts
 * graphError), or by a graph-level field ("edges", "kind", "schemaVersion"). These helpers turn that into what
 * the editor draws: problems per node, and the rest for the panel.
 */
export type NodeIssue = { field: string; message: string };
export type IssuesByNode = Map<string, NodeIssue[]>;

export function splitIssues(fieldErrors: Record<string, string[] | undefined>): { byNode: IssuesByNode; general: NodeIssue[] } {
  const byNode: IssuesByNode = new Map();
  const general: NodeIssue[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const m = /^nodes\.([^.]+)(?:\.(.*))?$/.exec(key);
    for (const message of messages ?? []) {
      if (m) {
        const list = byNode.get(m[1]!) ?? [];
        list.push({ field: m[2] ?? "", message });
        byNode.set(m[1]!, list);
      } else {
        general.push({ field: key, message });
      }
    }
  }
  return { byNode, general };
}

/** One line per problem: "call › input.url: "url" is required". */
export function issueLines(fieldErrors: Record<string, string[] | undefined>): string[] {
  const { byNode, general } = splitIssues(fieldErrors);
  const lines: string[] = [];
  for (const [node, issues] of byNode) for (const i of issues) lines.push(`${node}${i.field ? ` › ${i.field}` : ""}: ${i.message}`);
  for (const i of general) lines.push(`${i.field}: ${i.message}`);
  return lines;
}

/** A draft problem as the server lists it (workflows/graph GraphIssue): the node (null for the whole graph), the field, why. */
export type DraftProblem = { nodeId: string | null; edgeId?: string; field: string; message: string };

/** The draft's problems per node, for the canvas badges and the inspector. */
export function problemsByNode(problems: readonly DraftProblem[]): IssuesByNode {
  const byNode: IssuesByNode = new Map();
  for (const p of problems) {
    if (!p.nodeId) continue;
    const list = byNode.get(p.nodeId) ?? [];
    list.push({ field: p.field, message: p.message });
    byNode.set(p.nodeId, list);
  }
  return byNode;
}

/**
 * `next`, with each node's list taken from `previous` when its problems are the same. Every autosave answer
 * brings the problem list anew; the canvas compares a node's problems by identity, so without this every node
 * with a problem re-rendered (and React Flow re-measured it) after each save, on every keystroke's autosave.
 */
export function keepUnchanged(previous: IssuesByNode | null, next: IssuesByNode): IssuesByNode {
  if (!previous) return next;
  const same = (a: NodeIssue[], b: NodeIssue[]) => a.length === b.length && a.every((x, i) => x.field === b[i]!.field && x.message === b[i]!.message);
  const out: IssuesByNode = new Map();
  for (const [id, list] of next) {
    const before = previous.get(id);
    out.set(id, before && same(before, list) ? before : list);
  }
  return out;
}

/** "greet · input.text · "text" is required": the node (or "workflow"), the field, the message. */
export function problemLine(p: DraftProblem): string {
  return [p.nodeId ?? "workflow", p.field && p.field !== "graph" ? p.field : null, p.message].filter(Boolean).join(" · ");
}
