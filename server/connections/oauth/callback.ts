import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { connections, oauthStates } from "../../../db/schema";
import { DomainError } from "../../errors";
import { requireRole } from "../../workspaces/access";
import { vaultKeyring } from "../keyring";
import { sealConnection } from "../row-seal";
import { unseal } from "../seal";
import { oauthRedirectUri } from "./redirect-uri";
import { sha256 } from "./start";
import { OAuthError, tokenRequest, type OAuthClientConfig } from "./token";

/** A callback that cannot finish; the message is shown to the user as is. */
export class OAuthCallbackError extends Error {
  override name = "OAuthCallbackError";
  constructor(
    message: string,
    /** Set once the state is known, so the user lands back in their workspace. */
    readonly workspaceId?: string,
  ) {
    super(message);
  }
}

const clip = (s: string | null) => (s ?? "").replace(/[^\x20-\x7E]/g, "").slice(0, 300);

function providerError(error: string, description: string | null): string {
  const desc = clip(description);
  if (error === "access_denied") return `Access was denied at the provider${desc ? ` (${desc})` : ""}, so nothing was connected.`;
  return `The provider returned an error: ${clip(error)}${desc ? ` (${desc})` : ""}.`;
}

/**
 * Finishes the flow from the provider's redirect: claims the state (single-use even when two callbacks race),
 * checks it belongs to this user and has not expired, exchanges the code with the PKCE verifier, and stores
 * the tokens sealed in a new oauth2 connection.
 */
export async function completeOAuth(db: Database, userId: string | null, params: URLSearchParams) {
  const state = params.get("state");
  if (!state) throw new OAuthCallbackError("The provider's answer carried no state. Start connecting again from the Connections page.");
  if (!userId) throw new OAuthCallbackError("Sign in, then start connecting again.");
  const [pending] = await db
    .update(oauthStates)
    .set({ usedAt: new Date() })
    .where(and(eq(oauthStates.stateHash, sha256(state)), isNull(oauthStates.usedAt)))
    .returning();
  if (!pending) throw new OAuthCallbackError("This authorization is not valid or was already used. Start connecting again.");
  const ws = pending.workspaceId;
  if (pending.userId !== userId) throw new OAuthCallbackError("This authorization was started by another user. Start connecting again yourself.");
  if (pending.expiresAt.getTime() < Date.now()) throw new OAuthCallbackError("This authorization expired (10 minutes). Start connecting again.", ws);
  const error = params.get("error");
  if (error) throw new OAuthCallbackError(providerError(error, params.get("error_description")), ws);
  const code = params.get("code");
  if (!code) throw new OAuthCallbackError("The provider's answer carried no authorization code. Start connecting again.", ws);
  try {
    await requireRole(db, userId, ws, "editor");
  } catch (e) {
    throw new OAuthCallbackError(e instanceof DomainError ? e.message : "You can no longer add connections here.");
  }

  const secrets = unseal(vaultKeyring(), { purpose: "oauth_state", workspaceId: ws, rowId: pending.id }, pending);
  const config = pending.config as OAuthClientConfig;
  const params_ = { grant_type: "authorization_code", code, redirect_uri: oauthRedirectUri(), code_verifier: secrets.codeVerifier! };
  const tokens = await tokenRequest(config, secrets.clientSecret!, params_).catch((e: unknown) => {
    throw e instanceof OAuthError ? new OAuthCallbackError(e.message, ws) : e;
  });

  const id = crypto.randomUUID();
  const sealed: Record<string, string> = { clientSecret: secrets.clientSecret!, accessToken: tokens.accessToken };
  if (tokens.refreshToken) sealed.refreshToken = tokens.refreshToken;
  await db.insert(connections).values({
    id,
    workspaceId: ws,
    integrationSlug: pending.integrationSlug,
    name: pending.name,
    kind: "oauth2",
    ...sealConnection(ws, id, sealed),
    fieldNames: Object.keys(sealed),
    config: { ...config, tokenType: tokens.tokenType },
    oauthExpiresAt: tokens.expiresAt,
    health: "ok",
  });
  return { workspaceId: ws, connectionId: id };
}
