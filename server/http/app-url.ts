/**
 * An absolute URL on this install's web address (NEXTAUTH_URL, as next-auth uses), for links that leave the
 * browser: OAuth redirect URIs, links in mail.
 */
export function appUrl(path: string): URL {
  return new URL(path, process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}
