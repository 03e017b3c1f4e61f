/**
 * Where to go after signing in. Only same-site paths are allowed, so a crafted link cannot bounce a user
 * who just typed their password to another site ("//evil.example" and "/\evil" are protocol-relative).
 */
export function safeCallbackUrl(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "/";
  let path = value;
  try {
    // next-auth hands back absolute URLs on our own origin; keep just the path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search + url.hash;
    }
  } catch {
    return "/";
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path.startsWith("/sign-in") || path.startsWith("/sign-up")) return "/";
  return path;
}
