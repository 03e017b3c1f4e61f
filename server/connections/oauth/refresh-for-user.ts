import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { connections } from "../../../db/schema";
import { DomainError } from "../../errors";
import { requireRole } from "../../workspaces/access";
import { redact } from "../view";
import { refreshTokens } from "./refresh";

/** The "Refresh now" button: an editor forces a refresh of a connection in their workspace. */
export async function refreshForUser(db: Database, userId: string, workspaceId: string, connectionId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const row = await db.query.connections.findFirst({
    where: and(eq(connections.id, connectionId), eq(connections.workspaceId, workspaceId)),
    columns: { id: true },
  });
  if (!row) throw new DomainError("NOT_FOUND", "Connection not found in this workspace.");
  return redact(await refreshTokens(db, row.id, { force: true }));
}
