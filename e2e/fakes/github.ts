import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";

/**
 * A loopback GitHub that speaks the parts of GitHub's OAuth web flow and REST API that sign-in uses:
 * GET /login/oauth/authorize (a consent page), POST /login/oauth/access_token (code → token, checking the
 * client secret and redirect_uri), GET /api/v3/user and /api/v3/user/emails (GitHub Enterprise paths).
 */
export type FakeGitHubUser = { id: number; login: string; name: string; emails: { email: string; primary: boolean; verified: boolean }[] };

export async function startFakeGitHub(opts: { port: number; clientId: string; clientSecret: string; user: FakeGitHubUser }): Promise<Server> {
  const codes = new Map<string, { redirectUri: string }>();
  const tokens = new Set<string>();

  const body = async (req: IncomingMessage) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    return new URLSearchParams(raw);
  };
  const json = (status: number, value: unknown) => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(value) });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${opts.port}`);
    const reply = (r: { status: number; headers: Record<string, string>; body: string }) => res.writeHead(r.status, r.headers).end(r.body);
    const authorized = () => tokens.has((req.headers.authorization ?? "").replace(/^(Bearer|token) /, ""));

    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      if (url.searchParams.get("client_id") !== opts.clientId) return reply({ status: 400, headers: {}, body: "unknown client_id" });
      const code = randomBytes(10).toString("hex");
      codes.set(code, { redirectUri: url.searchParams.get("redirect_uri")! });
      const back = new URL(url.searchParams.get("redirect_uri")!);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      const page = `<!doctype html><title>Authorize application</title><h1>Authorize Junction</h1><p>Signed in as ${opts.user.login}</p><a href="${back}">Authorize</a>`;
      return reply({ status: 200, headers: { "content-type": "text/html" }, body: page });
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      const form = await body(req);
      const basic = req.headers.authorization?.startsWith("Basic ")
        ? Buffer.from(req.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent)
        : [form.get("client_id"), form.get("client_secret")];
      const grant = codes.get(form.get("code") ?? "");
      if (basic[0] !== opts.clientId || basic[1] !== opts.clientSecret) return reply(json(401, { error: "incorrect_client_credentials" }));
      if (!grant || grant.redirectUri !== form.get("redirect_uri")) return reply(json(400, { error: "bad_verification_code" }));
      codes.delete(form.get("code")!);
      const token = `gho_${randomBytes(16).toString("hex")}`;
      tokens.add(token);
      return reply(json(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" }));
    }
    if (req.method === "GET" && url.pathname === "/api/v3/user") {
      if (!authorized()) return reply(json(401, { message: "Bad credentials" }));
      const { id, login, name } = opts.user;
      return reply(json(200, { id, login, name, email: null, avatar_url: null }));
    }
    if (req.method === "GET" && url.pathname === "/api/v3/user/emails") {
      if (!authorized()) return reply(json(401, { message: "Bad credentials" }));
      return reply(json(200, opts.user.emails));
    }
    reply(json(404, { message: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(opts.port, "127.0.0.1", resolve));
  return server;
}
