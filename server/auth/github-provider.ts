import GitHubProvider from "next-auth/providers/github";

export type GitHubOptions = { clientId: string; clientSecret: string; /** GitHub Enterprise Server base URL; unset = github.com */ baseUrl?: string };

type Email = { email: string; primary: boolean; verified: boolean };

/**
 * next-auth's GitHub provider, pointed at github.com or a GitHub Enterprise Server. Unlike the stock provider,
 * which takes the primary (or first) email whether or not it is verified, this accepts only a verified
 * primary email: server/auth/github.ts links accounts by email, so an unverified one would let anyone claim
 * an existing account.
 */
export function githubProvider({ clientId, clientSecret, baseUrl }: GitHubOptions) {
  const web = baseUrl?.replace(/\/+$/, "") ?? "https://github.com";
  const api = baseUrl ? `${web}/api/v3` : "https://api.github.com";
  return GitHubProvider({
    clientId,
    clientSecret,
    authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
    token: `${web}/login/oauth/access_token`,
    userinfo: {
      url: `${api}/user`,
      async request({ tokens }) {
        const headers = { authorization: `Bearer ${tokens.access_token}`, accept: "application/vnd.github+json" };
        const [user, emails] = await Promise.all([
          fetch(`${api}/user`, { headers }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`GitHub /user answered ${r.status}`)))),
          fetch(`${api}/user/emails`, { headers }).then((r) => (r.ok ? (r.json() as Promise<Email[]>) : [])),
        ]);
        const verified = emails.find((e) => e.primary && e.verified)?.email ?? null;
        return { ...user, email: verified };
      },
    },
  });
}
