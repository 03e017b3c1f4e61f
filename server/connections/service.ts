import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { connections } from "../../db/schema";
import { DomainError } from "../errors";
import { requireRole } from "../workspaces/access";
import type { CreateInput, UpdateInput } from "./inputs";
import { assertDeclaredConnection } from "./declared";
import { assertEditable } from "./kinds";
import { sealConnection, unsealConnection } from "./row-seal";
import { redact } from "./view";

/** Connection CRUD for the API. Every function checks the caller's role itself and returns redacted views. */
export async function listConnections(db: Database, userId: string, workspaceId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const rows = await db.select().from(connections).where(eq(connections.workspaceId, workspaceId)).orderBy(asc(connections.name));
  return rows.map(redact);
}

const inWorkspace = (workspaceId: string, id: string) => and(eq(connections.id, id), eq(connections.workspaceId, workspaceId));
const notFound = () => new DomainError("NOT_FOUND", "Connection not found in this workspace.");

export async function getConnection(db: Database, userId: string, workspaceId: string, connectionId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const row = await db.query.connections.findFirst({ where: inWorkspace(workspaceId, connectionId) });
  if (!row) throw notFound();
  return redact(row);
}

export async function createConnection(db: Database, userId: string, workspaceId: string, input: CreateInput) {
  await requireRole(db, userId, workspaceId, "editor");
  await assertDeclaredConnection(db, workspaceId, input.integrationSlug, input.kind);
  // The id is chosen here because the ciphertext's authenticated data binds it.
  const id = crypto.randomUUID();
  const secrets: Record<string, string> = { ...input.fields };
  const sealed = sealConnection(workspaceId, id, secrets);
  const [row] = await db
    .insert(connections)
    .values({ id, workspaceId, integrationSlug: input.integrationSlug, name: input.name, kind: input.kind, ...sealed, fieldNames: Object.keys(secrets) })
    .returning();
  return redact(row!);
}

/**
 * Renames and sets/unsets fields. The row is locked while it is decrypted, merged and re-sealed, so a
 * concurrent update or `vault:rotate` cannot overwrite this one with stale secrets.
 */
export async function updateConnection(db: Database, userId: string, workspaceId: string, patch: UpdateInput) {
  await requireRole(db, userId, workspaceId, "editor");
  const set = patch.set ?? {};
  const unset = patch.unset ?? [];
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(connections).where(inWorkspace(workspaceId, patch.connectionId)).for("update");
    if (!row) throw notFound();
    assertEditable(row.kind, Object.keys(set), "set");
    assertEditable(row.kind, unset, "unset");
    let sealedPart = {};
    if (Object.keys(set).length > 0 || unset.length > 0) {
      const secrets = { ...unsealConnection(row), ...set };
      for (const f of unset) delete secrets[f];
      sealedPart = { ...sealConnection(workspaceId, row.id, secrets), fieldNames: Object.keys(secrets) };
    }
    const [updated] = await tx
      .update(connections)
      .set({ ...(patch.name ? { name: patch.name } : {}), ...sealedPart, updatedAt: new Date() })
      .where(eq(connections.id, row.id))
      .returning();
    return redact(updated!);
  });
}

export async function deleteConnection(db: Database, userId: string, workspaceId: string, connectionId: string) {
  await requireRole(db, userId, workspaceId, "editor");
  const [gone] = await db.delete(connections).where(inWorkspace(workspaceId, connectionId)).returning({ id: connections.id });
  if (!gone) throw notFound();
  return { id: gone.id };
}
