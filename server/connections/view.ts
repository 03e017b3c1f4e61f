import type { connections } from "../../db/schema";
import { fieldStatus } from "./kinds";

type Row = typeof connections.$inferSelect;

/** The only shape of a connection the API returns: no ciphertext, no values, only which fields are set. */
export function redact(row: Row) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    integrationSlug: row.integrationSlug,
    name: row.name,
    kind: row.kind,
    fields: fieldStatus(row.kind, row.fieldNames),
    config: row.config,
    oauthExpiresAt: row.oauthExpiresAt,
    health: row.health,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ConnectionView = ReturnType<typeof redact>;
