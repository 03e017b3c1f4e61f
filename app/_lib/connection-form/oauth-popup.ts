/**
 * OAuth2 "connect new" from the editor opens the provider in a popup window of this name. The provider sends the
 * popup back to the Connections page (/api/oauth/callback redirects there); that page, seeing it is this popup,
 * posts the outcome to the editor that opened it and closes. Messages are accepted from this origin only.
 */
export const OAUTH_POPUP_NAME = "junction-oauth";
const TYPE = "junction:oauth";

export type OAuthReply = { connectionId?: string; error?: string };

export function oauthReplyMessage(reply: OAuthReply): { type: typeof TYPE } & OAuthReply {
  return { type: TYPE, ...reply };
}

/** The outcome in a message event, or null for any other message (another origin, another shape). */
export function readOAuthReply(e: { origin: string; data: unknown }, origin: string): OAuthReply | null {
  if (e.origin !== origin) return null;
  const d = e.data as { type?: unknown; connectionId?: unknown; error?: unknown } | null;
  if (!d || typeof d !== "object" || d.type !== TYPE) return null;
  if (typeof d.connectionId === "string") return { connectionId: d.connectionId };
  return { error: typeof d.error === "string" ? d.error.slice(0, 500) : undefined };
}
