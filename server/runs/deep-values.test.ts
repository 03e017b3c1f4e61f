import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "../../db/client";
import { runs, runSteps, stepBlobs } from "../../db/schema";
import { contextForUser } from "../api/context";
import { appRouter } from "../api/root";
import { newUser } from "../testing/users";

// The download route reads the session through next-auth; here the session is whoever `sessionUser` names.
let sessionUser: string | null = null;
vi.mock("../auth", () => ({ currentUserId: async () => sessionUser }));
const { GET: downloadRoute } = await import("../../app/api/runs/[runId]/steps/[stepId]/[field]/route");

/**
 * Runs whose stored values are nested too deep for superjson (run.get answered 500 for outputs 1,500–3,000 deep,
 * with no log line) or too large to show. The rows are written directly, as rows written before the depth limit
 * existed: every run that exists must open, and its values must download whole.
 */
type User = Awaited<ReturnType<typeof newUser>>;
let alice: User;
let bob: User;
const runId = `run_${crypto.randomUUID()}`;
const ids = { inline: crypto.randomUUID(), byRef: crypto.randomUUID(), escaped: crypto.randomUUID() };

function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let p = root;
  for (let i = 1; i < depth; i++) p = p.a = {} as Record<string, unknown>;
  return root;
}
const deep = nested(3000);
const big = { text: "z".repeat(2 * 1024 * 1024) };

beforeAll(async () => {
  alice = await newUser("Alice");
  bob = await newUser("Bob");
  const workspaceId = alice.personalWorkspaceId;
  const wf = await alice.caller.workflow.create({ workspaceId, name: "Deep values" });
  const db = getDb();
  await db.insert(runs).values({ id: runId, workspaceId, workflowId: wf.id, status: "succeeded", trigger: { kind: "manual", body: deep } });
  const [blob] = await db.insert(stepBlobs).values({ runId, stepKey: "byRef", data: deep, sizeBytes: JSON.stringify(deep).length }).returning({ id: stepBlobs.id });
  await db.insert(runSteps).values([
    { id: ids.inline, runId, nodeId: "inline", stepKey: "inline", status: "succeeded", input: { n: 1 }, output: deep },
    { id: ids.byRef, runId, nodeId: "byRef", stepKey: "byRef", status: "succeeded", input: big, outputRef: blob!.id },
    { id: ids.escaped, runId, nodeId: "escaped", stepKey: "escaped", status: "succeeded", input: { nul: "a\u0000b", deep }, output: { ok: true } },
  ]);
}, 60_000);

afterAll(() => {
  sessionUser = null;
});

async function runGetOverHttp(userId: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { workspaceId: alice.personalWorkspaceId, runId } }));
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/run.get?input=${input}`),
    router: appRouter,
    createContext: () => contextForUser(userId, "req-deep-values"),
  });
  return { status: res.status, body: (await res.json()) as { result?: { data: { json: RunBody } } } };
}
type Truncation = { truncated: true; bytes: number; depth: number };
type StepBody = { id: string; stepKey: string; input: unknown; output: unknown; truncated: Record<string, Truncation> };
type RunBody = { trigger: { kind: string }; truncated: Record<string, Truncation>; steps: StepBody[] };

function depthOf(value: unknown): number {
  let depth = 0;
  for (let p = value; p !== null && typeof p === "object"; p = (p as { a?: unknown }).a) depth++;
  return depth;
}

async function download(stepId: string, field: string) {
  const res = await downloadRoute(new Request(`http://localhost/api/runs/${runId}/steps/${stepId}/${field}`), { params: Promise.resolve({ runId, stepId, field }) });
  return { status: res.status, disposition: res.headers.get("content-disposition"), text: await res.text() };
}

describe("runs with values too deep or too large to show", () => {
  it("run.get of a run with a stored output nested 3000 deep answers 200 over HTTP, the value cut to 20 levels and marked truncated with its size", async () => {
    const { status, body } = await runGetOverHttp(alice.id);
    expect(status).toBe(200);
    const run = body.result!.data.json;
    const step = (key: string) => run.steps.find((s) => s.stepKey === key)!;
    const wholeBytes = JSON.stringify(deep).length;
    expect(step("inline").truncated).toEqual({ output: { truncated: true, depth: 3000, bytes: wholeBytes } });
    expect(depthOf(step("inline").output)).toBe(20);
    expect(step("inline").input).toEqual({ n: 1 });
    // An output stored by reference is cut the same way; an input too large (2 MB) is cut by size.
    expect(step("byRef").truncated.output).toEqual({ truncated: true, depth: 3000, bytes: wholeBytes });
    expect(step("byRef").truncated.input).toMatchObject({ truncated: true, depth: 1 });
    expect((step("byRef").input as { text: string }).text.length).toBeLessThan(5000);
    // The trigger payload too; its kind (what the view shows) is kept.
    expect(run.trigger.kind).toBe("manual");
    expect(run.truncated.trigger).toMatchObject({ truncated: true, depth: 3001 });
  });

  it("the download route serves the whole value, inline or stored by reference, only to members of the run's workspace", async () => {
    sessionUser = alice.id;
    for (const id of [ids.inline, ids.byRef]) {
      const file = await download(id, "output");
      expect(file.status).toBe(200);
      expect(file.disposition).toMatch(/^attachment; filename="run_[\w-]+-(inline|byRef)-attempt1-output\.json"$/);
      expect(file.text.replace(/\s/g, "")).toBe(JSON.stringify(deep));
    }
    expect(JSON.parse((await download(ids.byRef, "input")).text)).toEqual(big);
    // A string Postgres cannot store comes back as it was sent, even inside a value too deep for JSON.stringify's
    // cousins; the whole text is rewritten without recursion.
    const escaped = await download(ids.escaped, "input");
    expect(escaped.status).toBe(200);
    expect((JSON.parse(escaped.text) as { nul: string }).nul).toBe("a\u0000b");
    expect((await download(ids.inline, "secrets")).status).toBe(404);
    sessionUser = bob.id;
    expect((await download(ids.inline, "output")).status).toBe(404);
    sessionUser = null;
    expect((await download(ids.inline, "output")).status).toBe(401);
  });
});
