import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { newUser } from "../testing/users";
import { contextForUser } from "./context";
import { appRouter } from "./root";

/** Strings Postgres cannot store (U+0000, lone surrogates) in procedure inputs: 400 naming the field, not 500. */
type ErrorBody = { error?: { json: { message: string; data: { code: string; fieldErrors: Record<string, string[]> | null } } } };

// The real fetch adapter with a real Request, as the browser sends it (superjson's envelope).
async function post(path: string, input: unknown, userId: string | null = null) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } }),
    router: appRouter,
    createContext: () => contextForUser(userId),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

let user: Awaited<ReturnType<typeof newUser>>;
beforeAll(async () => {
  user = await newUser("Storable Input");
});

describe("procedure inputs Postgres cannot store", () => {
  it("a mutation with \\u0000 in a name answers 400 naming the field", async () => {
    const { status, body } = await post("workspace.create", { name: "Team\u0000One" }, user.id);
    expect(status).toBe(400);
    expect(body.error!.json.data.fieldErrors).toEqual({ name: ["Contains a character that cannot be stored (U+0000)."] });
    expect(body.error!.json.message).toBe("name: Contains a character that cannot be stored (U+0000).");
  });

  it("a lone surrogate deep in a draft graph answers 400 naming its path", async () => {
    const wf = await user.caller.workflow.create({ workspaceId: user.personalWorkspaceId, name: "Graph" });
    const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, { id: "x", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { note: "half an emoji \ud83d" } }], edges: [] };
    const { status, body } = await post("workflow.saveDraft", { workspaceId: user.personalWorkspaceId, workflowId: wf.id, draftRevision: 1, graph }, user.id);
    expect(status).toBe(400);
    expect(body.error!.json.data.fieldErrors).toEqual({ "graph.nodes.1.input.note": ["Contains a character that cannot be stored (U+D83D)."] });
  });

  it("a sign-up with \\u0000 in the name answers 400 naming the field and creates no account", async () => {
    const email = `nul-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { status, body } = await post("auth.signUp", { name: "Ada\u0000", email, password: "a perfectly good passphrase" });
    expect(status).toBe(400);
    expect(body.error!.json.data.fieldErrors).toEqual({ name: ["Contains a character that cannot be stored (U+0000)."] });
    expect(await getDb().select({ id: users.id }).from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("a key holding \\u0000 is named, written so it can be read", async () => {
    const { status, body } = await post("workspace.create", { ["na\u0000me"]: "x" }, user.id);
    expect(status).toBe(400);
    expect(body.error!.json.data.fieldErrors).toEqual({ "na\\u0000me": ["Contains a character that cannot be stored (U+0000)."] });
  });
});
