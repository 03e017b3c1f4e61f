import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";

/** A database or a transaction: an entry is written in the same transaction as the change it records. */
type Writer = Pick<Database, "insert">;

export type AuditEntry = {
  workspaceId: string;
  actorUserId: string;
  /** Dotted verb, e.g. "webhook.rotate". */
  action: string;
  /** "<kind>:<id>", e.g. "workflow:<uuid>". */
  target: string;
  /** Non-secret facts only: callers pass prefixes of capabilities (hook ids), never whole ones or secrets. */
  details?: Record<string, unknown>;
};

export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
