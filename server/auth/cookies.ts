import type { NextAuthOptions } from "next-auth";
import { env } from "../env";

/**
 * next-auth's cookies with Secure set per request: on when the caller reached Junction over https (a TLS
 * terminator listed in TRUST_PROXY said so through the edge) or NEXTAUTH_URL is https. The names stay the ones
 * next-auth picks from NEXTAUTH_URL alone, so the same browser's cookie is found whichever way it came in.
 */
export function authCookies(overHttps: boolean): NonNullable<NextAuthOptions["cookies"]> {
  const httpsUrl = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const prefix = httpsUrl ? "__Secure-" : "";
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure: overHttps || httpsUrl };
  const shortLived = { ...options, maxAge: 15 * 60 }; // OAuth round trip only
  return {
    sessionToken: { name: `${prefix}next-auth.session-token`, options },
    callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
    csrfToken: { name: `${httpsUrl ? "__Host-" : ""}next-auth.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}next-auth.pkce.code_verifier`, options: shortLived },
    state: { name: `${prefix}next-auth.state`, options: shortLived },
    nonce: { name: `${prefix}next-auth.nonce`, options },
  };
}
