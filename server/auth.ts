import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { userForGitHub } from "./auth/github";
import { githubProvider } from "./auth/github-provider";
import { authCookies } from "./auth/cookies";
import { currentSessionVersion, endSessions, type SessionClaims, type SignedIn, userForSession } from "./auth/sessions";
import { SignInError, verifyCredentials } from "./auth/sign-in";
import { mustWait } from "./auth/sign-in-answer";
import { env } from "./env";
import { clientAddressOf } from "./http/client-address";
import { log } from "./log";

function providers(): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await verifyCredentials(getDb(), credentials?.email, credentials?.password, clientAddressOf(req.headers ?? {}));
        } catch (err) {
          // next-auth passes the message to the client as `error`; only SignInError messages are meant for users.
          if (err instanceof SignInError) {
            if (err.retryAfterS !== undefined) mustWait(err.retryAfterS);
            throw err;
          }
          log.error({ err }, "sign-in failed unexpectedly");
          throw new Error("Sign-in is unavailable right now. Try again in a moment.", { cause: err });
        }
      },
    }),
  ];
  const { GITHUB_ID, GITHUB_SECRET, GITHUB_URL } = env();
  if (GITHUB_ID && GITHUB_SECRET) list.push(githubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET, baseUrl: GITHUB_URL }));
  return list;
}

const options = new Map<boolean, NextAuthOptions>();

/**
 * next-auth configuration, built on first use so importing this module never reads the environment. `overHttps`:
 * the request came in over https (server/http/client-address.ts), so its cookies get the Secure flag.
 */
export function authOptions(overHttps = false): NextAuthOptions {
  const built = options.get(overHttps);
  if (built) return built;
  const made: NextAuthOptions = {
    secret: env().AUTH_SECRET,
    cookies: authCookies(overHttps),
    // Credentials sign-in requires JWT sessions. The user row is re-read per request (currentUser below), so a
    // deleted user or a changed role takes effect at once, and the JWT's session version is checked in that read,
    // so ending a user's sessions (sign-out, sign out everywhere, a role change) refuses every older cookie.
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      async signIn({ account, profile, user }) {
        if (account?.provider !== "github") return true;
        const found = await userForGitHub(getDb(), {
          providerAccountId: account.providerAccountId,
          email: profile?.email ?? user.email,
          name: profile?.name ?? user.name,
          image: user.image,
        });
        if (!found) return "/sign-in?error=GitHubEmailMissing";
        user.id = found.id;
        return true;
      },
      async jwt({ token, user }) {
        // `user` is there only at sign-in: the new session carries the version current now.
        if (user) {
          token.uid = user.id;
          token.sv = (await currentSessionVersion(getDb(), user.id)) ?? undefined;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") session.user.id = token.uid;
        if (typeof token.sv === "number") session.sv = token.sv;
        return session;
      },
    },
    events: {
      // Deleting the cookie is not enough: a copy of it (another tab's, a stolen one) would stay valid for 30 days.
      // next-auth logs an error thrown here and still clears the cookie.
      async signOut({ token }) {
        if (typeof token?.uid === "string") await endSessions(getDb(), token.uid, "sign-out");
      },
    },
    logger: {
      error: (code, metadata) => log.error({ code, metadata }, "next-auth error"),
      warn: (code) => log.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
  options.set(overHttps, made);
  return made;
}

/** What the request's session cookie claims, unchecked; null without a (valid, unexpired) cookie. */
async function currentClaims(): Promise<SessionClaims | null> {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId) return null;
  return { userId, version: typeof session.sv === "number" ? session.sv : null };
}

/** The signed-in user, if their session is still current (one read by primary key); see SignedIn. */
export async function currentUser(): Promise<SignedIn> {
  return userForSession(getDb(), await currentClaims());
}

/** Signed-in user's id, or null when signed out, deleted, or the session was ended. */
export async function currentUserId(): Promise<string | null> {
  return (await currentUser()).user?.id ?? null;
}

export function githubEnabled(): boolean {
  const { GITHUB_ID, GITHUB_SECRET } = env();
  return Boolean(GITHUB_ID && GITHUB_SECRET);
}
