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
