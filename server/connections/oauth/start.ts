import { createHash, randomBytes } from "node:crypto";
import { lt } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { oauthStates } from "../../../db/schema";
import { requireRole } from "../../workspaces/access";
import { assertDeclaredConnection } from "../declared";
import type { OAuthStartInput } from "../inputs";
import { vaultKeyring } from "../keyring";
import { seal } from "../seal";
import { oauthRedirectUri } from "./redirect-uri";
import type { OAuthClientConfig } from "./token";

export const STATE_TTL_MS = 10 * 60_000;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

/**
 * Begins an authorization-code flow with PKCE (RFC 7636, S256). The state and verifier stay on the server,
 * bound to this user and workspace; the browser only carries the random state to the provider and back.
 */
export async function startOAuth(db: Database, userId: string, workspaceId: string, input: OAuthStartInput) {
  await requireRole(db, userId, workspaceId, "editor");
  await assertDeclaredConnection(db, workspaceId, input.integrationSlug, "oauth2");
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date(Date.now() - STATE_TTL_MS)));

  const state = randomBytes(32).toString("base64url");
  const codeVerifier = randomBytes(48).toString("base64url");
  const id = crypto.randomUUID();
  const config: OAuthClientConfig = {
    authorizeUrl: input.authorizeUrl,
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    scopes: input.scopes,
    clientAuth: input.clientAuth,
  };
  const sealed = seal(vaultKeyring(), { purpose: "oauth_state", workspaceId, rowId: id }, { clientSecret: input.clientSecret, codeVerifier });
  await db.insert(oauthStates).values({
    id,
    stateHash: sha256(state),
    userId,
    workspaceId,
    integrationSlug: input.integrationSlug,
    name: input.name,
    config,
    ...sealed,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });

  const url = new URL(input.authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("redirect_uri", oauthRedirectUri());
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", sha256(codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (input.scopes.length > 0) url.searchParams.set("scope", input.scopes.join(" "));
  return { authorizeUrl: url.toString() };
}
