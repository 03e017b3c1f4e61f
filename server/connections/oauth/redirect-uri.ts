import { appUrl } from "../../http/app-url";

/** Where providers send the user back; register exactly this URL with the OAuth app. */
export function oauthRedirectUri(): string {
  return appUrl("/api/oauth/callback").toString();
}
