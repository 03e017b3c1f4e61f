import http from "node:http";
import { OWN_PAGE_HEADERS } from "./own-page-headers";

/**
 * Sign-in through the real endpoint (next-auth's credentials callback, behind the edge), as the sign-in form
 * does it, but from a chosen loopback address (127.0.0.0/8 is all ours on Linux): each spec's callers are
 * separate sources, as different people on the internet are, and their limits do not touch other specs.
 */
const base = new URL(process.env.BASE_URL ?? "http://localhost:3000");

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function send(opts: { from: string; method: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: base.port,
        localAddress: opts.from,
        method: opts.method,
        path: opts.path,
        agent: false,
        headers: { host: base.host, origin: base.origin, ...opts.headers, ...(opts.body ? { "content-length": String(Buffer.byteLength(opts.body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

/** Creates an account through the procedure the sign-up form calls (superjson wraps input in `json`). */
export async function createAccount(email: string, password: string): Promise<void> {
  const res = await send({
    from: "127.0.0.1",
    method: "POST",
    path: "/api/trpc/auth.signUp",
    headers: { "content-type": "application/json", ...OWN_PAGE_HEADERS },
    body: JSON.stringify({ json: { name: "Throttle Owner", email, password } }),
  });
  if (res.status !== 200) throw new Error(`sign-up answered ${res.status}: ${res.body}`);
}

/** next-auth's CSRF token and the cookie it is bound to (double submit), fetched from `from`. */
export async function csrfFor(from: string, headers: Record<string, string> = {}): Promise<{ token: string; cookie: string; setCookie: string[] }> {
  const res = await send({ from, method: "GET", path: "/api/auth/csrf", headers });
  const setCookie = res.headers["set-cookie"] ?? [];
  return { token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken, cookie: setCookie.map((c) => c.split(";")[0]).join("; "), setCookie };
}

export type SignIn = Answer & { error: string | null; setCookie: string[] };

/** One sign-in attempt; `error` is the message the sign-in form would show (null: signed in). */
export async function signInFrom(from: string, email: string, password: string, opts: { csrf?: Awaited<ReturnType<typeof csrfFor>>; headers?: Record<string, string> } = {}): Promise<SignIn> {
  const csrf = opts.csrf ?? (await csrfFor(from, opts.headers));
  const res = await send({
    from,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, ...opts.headers },
    body: new URLSearchParams({ email, password, csrfToken: csrf.token, callbackUrl: base.origin, json: "true" }).toString(),
  });
  let error: string | null = `unreadable answer: ${res.body.slice(0, 200)}`;
  try {
    error = new URL((JSON.parse(res.body) as { url: string }).url).searchParams.get("error");
  } catch {
    // left as the unreadable answer, which the caller's expectation then shows
  }
  return { ...res, error, setCookie: res.headers["set-cookie"] ?? [] };
}

export const sessionCookieOf = (r: SignIn) => r.setCookie.find((c) => /next-auth\.session-token=/.test(c));
