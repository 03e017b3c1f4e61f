import { createServer, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { workspaces } from "../../db/schema";
import { signedInAs } from "../api/context";
import { handleTrpc } from "../api/handler";
import { toRequest, writeResponse } from "../edge/node-fetch";
import { newUser } from "../testing/users";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "./csrf-header";

// Cross-site requests as a browser on another site would send them, from node's fetch over real HTTP to the
// handler the Next.js route serves (server/api/handler.ts). The session cookie is what makes CSRF work, so every
// request here is signed in: the only question is whether it came from Junction's own page.
let u: Awaited<ReturnType<typeof newUser>>;
let server: Server;
let base: string;
let host: string;
const PUBLIC_URL = "https://junction.example.com";

beforeAll(async () => {
  u = await newUser("Csrf");
  server = createServer((req, res) => {
    void handleTrpc(toRequest(req, undefined), { requestId: "req-csrf-0001", signedIn: () => signedInAs(u.id), publicUrls: [PUBLIC_URL, undefined] }).then((response) => writeResponse(res, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  host = `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  base = `http://${host}/api/trpc`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type Answer = { status: number; message?: string; code?: string };

async function createWorkspace(name: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${base}/workspace.create`, { method: "POST", body: JSON.stringify({ json: { name } }), headers: { "content-type": "application/json", ...headers } });
  const body = (await res.json()) as { error?: { json: { message: string; data: { code: string } } } };
  return { status: res.status, message: body.error?.json.message, code: body.error?.json.data.code };
}

const own = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
const created = async (name: string) => (await getDb().select().from(workspaces).where(eq(workspaces.name, name))).length;

describe("CSRF on tRPC mutations", () => {
  it("refuses a mutation from another site's page with 403 naming the origin, and does not run it", async () => {
    const answer = await createWorkspace("From evil", { ...own, origin: "https://evil.example" });
    expect(answer).toEqual({
      status: 403,
      code: "FORBIDDEN",
      message: `Refused: this request comes from the origin evil.example, not from this Junction (${host}). Changes are accepted only from Junction's own pages.`,
    });
    expect(await created("From evil")).toBe(0);
  });

  it("refuses a form-style post without the header, whatever its origin", async () => {
    for (const origin of ["https://evil.example", `http://${host}`]) {
      const answer = await createWorkspace("Form post", { origin });
      expect(answer.status).toBe(403);
      expect(answer.message).toBe(`Refused: a change must carry the ${CSRF_HEADER} header that Junction's own pages send; HTML forms and other sites cannot.`);
    }
    // A form's own content type, as a cross-site <form> would send it.
    const res = await fetch(`${base}/workspace.create`, { method: "POST", body: "json=1", headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(await created("Form post")).toBe(0);
  });

  it("falls back to the Referer when there is no Origin", async () => {
    expect((await createWorkspace("Referred away", { ...own, referer: "https://evil.example/attack.html" })).message).toContain("comes from the page evil.example");
    expect((await createWorkspace("Referred home", { ...own, referer: `http://${host}/w/x/settings` })).status).toBe(200);
    expect(await created("Referred away")).toBe(0);
  });

  it("refuses an opaque origin (a sandboxed frame sends Origin: null)", async () => {
    const answer = await createWorkspace("Opaque", { ...own, origin: "null" });
    expect(answer.status).toBe(403);
    expect(answer.message).toContain("comes from the origin null");
  });

  it("accepts Junction's own page: same host, the edge's X-Forwarded-Host, or the configured public URL", async () => {
    expect(await createWorkspace("Same host", { ...own, origin: `http://${host}` })).toMatchObject({ status: 200 });
    // Behind a TLS proxy the edge passes the public host on; the Origin's scheme and default port do not matter.
    expect(await createWorkspace("Proxied", { ...own, origin: "https://app.example.org", "x-forwarded-host": "app.example.org:443" })).toMatchObject({ status: 200 });
    expect(await createWorkspace("Public URL", { ...own, origin: PUBLIC_URL })).toMatchObject({ status: 200 });
    // A script outside any browser page sends neither Origin nor Referer: the header is what it must prove.
    expect(await createWorkspace("No origin", own)).toMatchObject({ status: 200 });
    expect(await created("Same host")).toBe(1);
  });

  it("refuses every call of a batch, and leaves queries (GET) alone", async () => {
    const batch = await fetch(`${base}/workspace.create,workspace.create?batch=1`, {
      method: "POST",
      body: JSON.stringify({ 0: { json: { name: "Batch one" } }, 1: { json: { name: "Batch two" } } }),
      headers: { "content-type": "application/json", ...own, origin: "https://evil.example" },
    });
    expect(batch.status).toBe(403);
    const calls = (await batch.json()) as { error: { json: { data: { code: string } } } }[];
    expect(calls.map((c) => c.error.json.data.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(await created("Batch one")).toBe(0);
    const query = await fetch(`${base}/workspace.list`, { headers: { origin: "https://evil.example" } });
    expect(query.status).toBe(200);
  });
});
