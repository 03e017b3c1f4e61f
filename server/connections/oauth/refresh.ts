import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { connections } from "../../../db/schema";
import { DomainError } from "../../errors";
import { sealConnection, unsealConnection } from "../row-seal";
import { OAuthError, tokenRequest, type OAuthClientConfig } from "./token";

/** Tokens are renewed this long before they expire, so a step never starts with a token about to lapse. */
export const REFRESH_SKEW_MS = 2 * 60_000;

export const expiresSoon = (at: Date | null) => at !== null && at.getTime() - Date.now() < REFRESH_SKEW_MS;

/**
 * Refreshes an oauth2 connection's access token (RFC 6749 §6) under a row lock: concurrent callers queue, and
 * the ones behind the first see fresh tokens and skip, so a rotating refresh token is never spent twice.
 * A provider that rotates refresh tokens gets its new one stored; one that does not keeps the old.
 */
export async function refreshTokens(db: Database, connectionId: string, opts: { force: boolean }) {
  let failure: OAuthError | undefined;
  const row = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(connections).where(eq(connections.id, connectionId)).for("update");
    if (!row) throw new DomainError("NOT_FOUND", "Connection not found.");
    if (row.kind !== "oauth2") throw new DomainError("BAD_REQUEST", "Only OAuth2 connections have tokens to refresh.");
    if (!opts.force && !expiresSoon(row.oauthExpiresAt)) return row;
    const secrets = unsealConnection(row);
    if (!secrets.refreshToken) throw new DomainError("BAD_REQUEST", "The provider gave this connection no refresh token; reconnect it.");
    const config = row.config as OAuthClientConfig;
    try {
      const tokens = await tokenRequest(config, secrets.clientSecret!, { grant_type: "refresh_token", refresh_token: secrets.refreshToken });
      const next = { ...secrets, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? secrets.refreshToken };
      const [updated] = await tx
        .update(connections)
        .set({
          ...sealConnection(row.workspaceId, row.id, next),
          fieldNames: Object.keys(next),
          config: { ...config, tokenType: tokens.tokenType },
          oauthExpiresAt: tokens.expiresAt,
          health: "ok",
          updatedAt: new Date(),
        })
        .where(eq(connections.id, row.id))
        .returning();
      return updated!;
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      // Record the failure (the transaction commits this), then report it outside.
      failure = e;
      const health = e.code === "invalid_grant" ? "reconnect_required" : "refresh_failed";
      await tx.update(connections).set({ health, updatedAt: new Date() }).where(eq(connections.id, row.id));
      return row;
    }
  });
  if (failure) throw new DomainError("BAD_REQUEST", `Could not refresh the connection's token. ${failure.message}`);
  return row;
}
