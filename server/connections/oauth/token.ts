import { tokenEndpointProblem } from "./endpoint-policy";

/**
 * The token endpoint (RFC 6749 §4.1.3 and §6). Errors carry readable messages built only from the provider's
 * `error` / `error_description`, never from a response body that might hold tokens.
 */
export type OAuthClientConfig = {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  scopes: string[];
  clientAuth: "basic" | "post";
};

export type TokenSet = { accessToken: string; refreshToken?: string; tokenType: string; expiresAt: Date | null };

export class OAuthError extends Error {
  override name = "OAuthError";
  constructor(
    message: string,
    /** The provider's error code, e.g. invalid_grant. */
    readonly code?: string,
  ) {
    super(message);
  }
}

const clip = (s: unknown) => (typeof s === "string" ? s.replace(/[^\x20-\x7E]/g, "").slice(0, 300) : "");

export async function tokenRequest(cfg: OAuthClientConfig, clientSecret: string, params: Record<string, string>): Promise<TokenSet> {
  const refused = await tokenEndpointProblem(cfg.tokenUrl);
  if (refused) throw new OAuthError(refused);
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (cfg.clientAuth === "basic") {
    // RFC 6749 §2.3.1: form-urlencode each part before joining.
    const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
    headers.authorization = `Basic ${Buffer.from(`${enc(cfg.clientId)}:${enc(clientSecret)}`).toString("base64")}`;
  } else {
    body.set("client_id", cfg.clientId);
    body.set("client_secret", clientSecret);
  }
  const host = new URL(cfg.tokenUrl).host;
  let res: Response;
  try {
    res = await fetch(cfg.tokenUrl, { method: "POST", headers, body, signal: AbortSignal.timeout(15_000), redirect: "error" });
  } catch {
    throw new OAuthError(`Could not reach the provider's token endpoint at ${host}.`);
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || !json || typeof json.access_token !== "string") {
    if (json && typeof json.error === "string") {
      const desc = clip(json.error_description);
      throw new OAuthError(`The provider refused the token request: ${clip(json.error)}${desc ? ` (${desc})` : ""}.`, clip(json.error));
    }
    throw new OAuthError(`The provider's token endpoint at ${host} answered HTTP ${res.status} without a usable token.`);
  }
  const expiresIn = Number(json.expires_in);
  return {
    accessToken: json.access_token,
    refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : undefined,
    tokenType: typeof json.token_type === "string" ? json.token_type : "Bearer",
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : null,
  };
}
