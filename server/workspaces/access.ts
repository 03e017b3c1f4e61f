import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships } from "../../db/schema";
import { DomainError } from "../errors";
import { atLeast, withArticle, type Role } from "./roles";

export type Membership = { workspaceId: string; userId: string; role: Role };

/**
 * The caller's membership of a workspace, required to carry at least `min`. Every workspace-scoped procedure
 * calls this itself with the workspace id from its own input, so a router can never forget the check.
 * A non-member gets NOT_FOUND, not FORBIDDEN: workspace ids are not confirmed to outsiders.
 */
export async function requireRole(db: Database, userId: string, workspaceId: string, min: Role): Promise<Membership> {
  const m = await db.query.memberships.findFirst({
    where: and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)),
  });
  if (!m) throw new DomainError("NOT_FOUND", "Workspace not found, or you are not a member of it.");
  if (!atLeast(m.role, min)) {
    throw new DomainError("FORBIDDEN", `This needs the ${min} role or higher; you are ${withArticle(m.role)} here.`);
  }
  return { workspaceId: m.workspaceId, userId: m.userId, role: m.role };
}
