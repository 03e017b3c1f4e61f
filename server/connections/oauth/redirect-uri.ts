/** Where providers send the user back; register exactly this URL with the OAuth app. */
export function oauthRedirectUri(): string {
  const base = process.env.NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL("/api/oauth/callback", base).toString();
}
