import type { GraphNode } from "./schema";

/**
 * An imported step whose connection was not mapped onto one of this workspace's: it names the connection the
 * exporting workspace used, so the user knows which one to choose (and publishing waits until they do).
 */
export function unchosenConnection(n: GraphNode): { nodeId: string; field: string; message: string } | null {
  const holder = n.kind === "action" ? n : n.kind === "trigger" ? n.app : undefined;
  if (!holder?.connectionRef || holder.connectionId) return null;
  const { integration, name } = holder.connectionRef;
  return {
    nodeId: n.id,
    field: n.kind === "action" ? "connectionId" : "app.connectionId",
    message: `Choose a connection: the imported workflow used ${name ? `"${name}"` : "a connection"} (${integration})`,
  };
}
