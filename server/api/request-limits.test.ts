import { createServer, type Server } from "node:http";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { runs } from "../../db/schema";
import { g } from "../../workflows/testing/harness";
import { toRequest, writeResponse } from "../edge/node-fetch";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../http/csrf-header";
import { newUser } from "../testing/users";
import { signedInAs } from "./context";
import { handleTrpc } from "./handler";

// tRPC over real HTTP, through the handler the Next.js route serves (server/api/handler.ts); the session is
// replaced by a user id the test chooses, or by a session reader that fails.
let u: Awaited<ReturnType<typeof newUser>>;
let server: Server;
let base: string;
let workflowId: string;
const SESSION_FAILS = "session-fails";

beforeAll(async () => {
  u = await newUser("Lima");
  const wf = await u.caller.workflow.create({ workspaceId: u.personalWorkspaceId, name: "Limits" });
  workflowId = wf.id;
  await u.caller.workflow.saveDraft({ workspaceId: u.personalWorkspaceId, workflowId, draftRevision: 1, graph: { schemaVersion: 1, nodes: [g.trigger(), g.set("one", {})], edges: [g.edge("start", "one")] } });
  server = createServer((req, res) => {
    const signedIn = async () => {
      if (req.headers["x-test-user"] === SESSION_FAILS) throw new Error("session store at postgres://admin:hunter2@db/internal refused");
      return signedInAs(u.id);
    };
    void handleTrpc(toRequest(req, undefined), { requestId: "req-limits-0001", signedIn }).then((response) => writeResponse(res, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/trpc`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

type ErrorBody = { error: { json: { message: string; data: { code: string; httpStatus: number; requestId?: string } } } };

async function post(path: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  const init = body === null ? { headers } : { method: "POST", body, headers: { "content-type": "application/json", [CSRF_HEADER]: CSRF_HEADER_VALUE, ...headers }, duplex: "half" };
  const res = await fetch(`${base}/${path}`, init as RequestInit);
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as ErrorBody & ErrorBody[] };
}

const runCount = async () => (await getDb().select({ n: count() }).from(runs).where(eq(runs.workspaceId, u.personalWorkspaceId)))[0]!.n;

/** JSON text of objects nested `depth` deep, written as text: JSON.stringify itself recurses. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}"x"${"}".repeat(depth)}`;

const startRun = (input: unknown, raw?: string) => {
  const text = JSON.stringify({ json: { workspaceId: u.personalWorkspaceId, workflowId, draft: true, input: raw ? "RAW" : input } });
  return raw ? text.replace('"RAW"', raw) : text;
};

describe("request limits on tRPC", () => {
  it("a 10 MB run input is answered 413 naming the body limit, and no run is created", async () => {
    const before = await runCount();
    const body = startRun({ blob: "x".repeat(10 * 1024 * 1024) });
    const { status, json } = await post("run.start", body);
    expect(status).toBe(413);
    expect(json.error.json.message).toBe(`Request body is ${Buffer.byteLength(body)} bytes, more than the limit of 2 MiB (JUNCTION_TRPC_MAX_BODY_BYTES).`);
    expect(json.error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413, requestId: "req-limits-0001" });
    expect(await runCount()).toBe(before);
  });

  it("a body with no Content-Length is cut off at the limit and answered 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const { status, json } = await post("run.start", stream);
    expect(status).toBe(413);
    expect(json.error.json.message).toBe("Request body is over the limit of 2 MiB (JUNCTION_TRPC_MAX_BODY_BYTES).");
  });

  it("a batch over the body limit gets the 413 error for each of its calls", async () => {
    const body = JSON.stringify({ 0: { json: { workspaceId: u.personalWorkspaceId, workflowId } }, 1: { json: { blob: "x".repeat(3 * 1024 * 1024) } } });
    const { status, json } = await post("run.start,run.start?batch=1", body);
    expect(status).toBe(413);
    expect(json).toHaveLength(2);
    for (const item of json) expect(item.error.json.message).toMatch(/more than the limit of 2 MiB \(JUNCTION_TRPC_MAX_BODY_BYTES\)/);
  });

  it("a 1.5 MB run input, under the body limit, is refused 400 naming the JSON size limit, and no run is created", async () => {
    const before = await runCount();
    const { status, json } = await post("run.start", startRun({ blob: "x".repeat(1536 * 1024) }));
    expect(status).toBe(400);
    expect(json.error.json.message).toMatch(/^The run input is \d+ bytes of JSON, more than 1048576 \(limit JUNCTION_JSON_MAX_BYTES\)\.$/);
    expect(await runCount()).toBe(before);
  });

  it("run input nested 5000 deep is refused 400 with the depth limit, not a stack overflow, and no run is created", async () => {
    const before = await runCount();
    const { status, text, json } = await post("run.start", startRun(null, nested(5000)));
    expect(status).toBe(400);
    expect(json.error.json.message).toBe("The request body nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(text).not.toMatch(/Maximum call stack/i);
    expect(await runCount()).toBe(before);
    // Just past the shared limit but inside the envelope's margin: the procedure's own check names the run input.
    const { status: near, json: nearJson } = await post("run.start", startRun(null, nested(130)));
    expect(near).toBe(400);
    expect(nearJson.error.json.message).toBe("The run input nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(await runCount()).toBe(before);
  });

  it("a query whose input in the URL is nested 2000 deep is refused 400 with the depth limit", async () => {
    const input = encodeURIComponent(`{"json":{"workspaceId":${"[".repeat(2000)}${"]".repeat(2000)}}}`);
    const res = await fetch(`${base}/workflow.list?input=${input}`);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect((JSON.parse(text) as ErrorBody).error.json.message).toBe("The request's input nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(text).not.toMatch(/Maximum call stack/i);
  });

  it("app config nested 5000 deep in a polling trigger is refused 400 with the depth limit, and the draft is unchanged", async () => {
    const save = (config: string) => {
      const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "polling", app: { integration: "acme", version: "1.0.0", key: "new_order", config: "RAW" } }], edges: [] };
      return post("workflow.saveDraft", JSON.stringify({ json: { workspaceId: u.personalWorkspaceId, workflowId, draftRevision: 2, graph } }).replace('"RAW"', config));
    };
    const { status, text, json } = await save(nested(5000));
    expect(status).toBe(400);
    expect(json.error.json.message).toBe("The request body nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect(text).not.toMatch(/Maximum call stack/i);
    const again = await save(nested(125));
    expect(again.status).toBe(400);
    expect(again.json.error.json.message).toBe("The workflow graph nested deeper than 128 levels (limit JUNCTION_JSON_MAX_DEPTH).");
    expect((await u.caller.workflow.get({ workspaceId: u.personalWorkspaceId, workflowId })).draftRevision).toBe(2);
  });

  it("a body that is not JSON, or that superjson cannot read, says so without the parser's own words", async () => {
    const broken = await post("run.start", '{"json": {"workspaceId": ');
    expect(broken.status).toBe(400);
    expect(broken.json.error.json.message).toBe("The request body is not valid JSON.");
    const unknownClass = await post("run.start", JSON.stringify({ json: { workspaceId: u.personalWorkspaceId }, meta: { values: { workspaceId: [["class", "Secretive"]] } } }));
    expect(unknownClass.status).toBe(400);
    expect(unknownClass.json.error.json.message).toBe("The request could not be read (request req-limits-0001).");
    expect(unknownClass.text).not.toMatch(/Secretive|deserialize/);
  });

  it("an unexpected error's response never contains its internal text", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: u.personalWorkspaceId } }));
    const res = await fetch(`${base}/workflow.list?input=${input}`, { headers: { "x-test-user": SESSION_FAILS } });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("req-limits-0001");
    expect((JSON.parse(text) as ErrorBody).error.json.message).toMatch(/^Something went wrong on our side \(request [\w-]+\)\.$/);
    expect(text).not.toMatch(/hunter2|postgres:|session store|stack/i);
  });
});
