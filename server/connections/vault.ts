import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { connections } from "../../db/schema";
import { DomainError } from "../errors";
import { expiresSoon, refreshTokens } from "./oauth/refresh";
import { unsealConnection } from "./row-seal";

export type OpenedConnection = {
  id: string;
  integrationSlug: string;
  kind: string;
  /** What the integration's code may see (ctx.connection). Plaintext: keep it in memory, never log or record it. */
  credentials: Record<string, string>;
};

/**
 * For the worker only (never behind an API): decrypts a connection for one step. The workspace is the run's,
 * so a graph cannot reach another workspace's connection by id. OAuth2 tokens about to expire are refreshed
 * first; the refresh token and client secret stay here and never enter the isolate.
 */
export async function openCredentials(db: Database, ref: { workspaceId: string; connectionId: string }): Promise<OpenedConnection> {
  let row = await db.query.connections.findFirst({
    where: and(eq(connections.id, ref.connectionId), eq(connections.workspaceId, ref.workspaceId)),
  });
  if (!row) throw new DomainError("NOT_FOUND", "The step's connection no longer exists in this workspace.");
  if (row.kind === "oauth2" && expiresSoon(row.oauthExpiresAt)) row = await refreshTokens(db, row.id, { force: false });
  const secrets = unsealConnection(row);
  const credentials =
    row.kind === "oauth2"
      ? { accessToken: secrets.accessToken ?? "", tokenType: String((row.config as { tokenType?: string }).tokenType ?? "Bearer") }
      : secrets;
  return { id: row.id, integrationSlug: row.integrationSlug, kind: row.kind, credentials };
}
