import { type TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { workflows } from "../../db/schema";
import { newUser } from "../testing/users";

let alice: Awaited<ReturnType<typeof newUser>>;
let bob: Awaited<ReturnType<typeof newUser>>;
let a: string;
let b: string;

const action = (id: string, integration = "http-request", version = "1.2.0") => ({ id, kind: "action", action: { integration, version, key: "send_request" }, input: { method: "GET", url: "https://example.com" } });
const connect = (user: typeof alice, workspaceId: string, name: string) =>
  user.caller.connection.create({ workspaceId, name, integrationSlug: "http-request", kind: "custom", fields: { type: "bearer", token: "secret-token-value" } });

async function workflowWith(user: typeof alice, workspaceId: string, nodes: unknown[], edges: unknown[] = []) {
  const wf = await user.caller.workflow.create({ workspaceId, name: "Lead intake" });
  await user.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 1, graph: { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "manual" }, ...nodes], edges, notes: [{ id: "n1", text: "Ask **Sam** first", position: { x: 0, y: 0 } }] } });
  return wf.id;
}
const count = async (workspaceId: string) => (await getDb().select({ id: workflows.id }).from(workflows).where(eq(workflows.workspaceId, workspaceId))).length;

beforeAll(async () => {
  [alice, bob] = await Promise.all([newUser("Alice"), newUser("Bob")]);
  a = alice.personalWorkspaceId;
  b = bob.personalWorkspaceId;
});

describe("export and import of a workflow file", () => {
  it("moves a workflow to another workspace, mapping its connection by name, with its notes and no credentials", async () => {
    const theirs = await connect(alice, a, "Team API");
    const id = await workflowWith(alice, a, [{ ...action("call"), connectionId: theirs.id }, action("other")], [{ id: "e1", source: "start", target: "call" }]);
    const { text, fileName } = await alice.caller.workflow.export({ workspaceId: a, workflowId: id });
    expect(fileName).toBe("lead-intake.junction.json");
    expect(text).not.toContain(theirs.id);
    expect(text).not.toContain("secret-token-value");
    const ours = await connect(bob, b, "Team API");
    await connect(bob, b, "Staging API");

    const preview = await bob.caller.workflow.previewImport({ workspaceId: b, file: JSON.parse(text) });
    expect(preview).toMatchObject({ ok: true, plan: { name: "Lead intake", steps: 3, notes: 1, repinned: [] } });
    const [ref] = preview.ok ? preview.plan.connections : [];
    expect(ref).toMatchObject({ integration: "http-request", name: "Team API", steps: ["call"], suggested: ours.id });
    expect(ref!.options.map((o) => o.name).sort()).toEqual(["Staging API", "Team API"]);

    const created = await bob.caller.workflow.import({ workspaceId: b, file: JSON.parse(text), connections: { [ref!.key]: ours.id } });
    const wf = await bob.caller.workflow.get({ workspaceId: b, workflowId: created.id });
    const call = (wf.draftGraph as { nodes: { id: string; connectionId?: string }[] }).nodes.find((n) => n.id === "call");
    expect(call?.connectionId).toBe(ours.id);
    expect((wf.draftGraph as { notes: unknown[] }).notes).toHaveLength(1);
    expect((wf.draftGraph as { edges: unknown[] }).edges).toHaveLength(1);
    expect(wf.draftProblems.filter((p) => p.field === "connectionId")).toEqual([]);
  });

  it("leaves a connection to choose later, marked on its node, and publishing waits for it", async () => {
    const theirs = await connect(alice, a, "Prod API");
    const id = await workflowWith(alice, a, [{ ...action("call"), connectionId: theirs.id }], [{ id: "e1", source: "start", target: "call" }]);
    const { text } = await alice.caller.workflow.export({ workspaceId: a, workflowId: id });
    const created = await bob.caller.workflow.import({ workspaceId: b, file: JSON.parse(text), name: "Copied" });
    const wf = await bob.caller.workflow.get({ workspaceId: b, workflowId: created.id });
    expect(wf.name).toBe("Copied");
    expect(wf.draftProblems).toContainEqual({ nodeId: "call", field: "connectionId", message: 'Choose a connection: the imported workflow used "Prod API" (http-request)' });
    const refused = await bob.caller.workflow.publish({ workspaceId: b, workflowId: created.id }).catch((e: TRPCError) => e);
    expect((refused as TRPCError).message).toContain("Choose a connection");
  });

  it("refuses a file that uses integrations the workspace does not have, listing them, and stores nothing", async () => {
    const id = await workflowWith(alice, a, [action("crm", "acme-crm", "1.0.0"), action("mail", "acme-mail", "2.0.0"), action("crm_again", "acme-crm", "1.0.0")]);
    const { text } = await alice.caller.workflow.export({ workspaceId: a, workflowId: id });
    const before = await count(b);
    const preview = await bob.caller.workflow.previewImport({ workspaceId: b, file: JSON.parse(text) });
    expect(preview).toEqual({
      ok: false,
      errors: [
        'This workspace does not have the integration "acme-crm" (used by steps "crm", "crm_again"). Install it, then import again.',
        'This workspace does not have the integration "acme-mail" (used by step "mail"). Install it, then import again.',
      ],
    });
    const err = await bob.caller.workflow.import({ workspaceId: b, file: JSON.parse(text) }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toContain('"acme-crm"');
    expect(await count(b)).toBe(before);
  });

  it("refuses a file that is not a workflow, from a newer version, or with a graph that cannot be stored; nothing half-imported", async () => {
    const before = await count(b);
    for (const [file, says] of [
      [{ hello: "world" }, "not a Junction workflow file"],
      [{ format: "junction-workflow", schemaVersion: 99, name: "x", graph: { schemaVersion: 1, nodes: [], edges: [] } }, "newer Junction"],
      [{ format: "junction-workflow", schemaVersion: 1, name: "x", graph: { schemaVersion: 1, nodes: [{ id: "Bad Id!", kind: "trigger" }], edges: [] } }, "cannot be saved"],
    ] as const) {
      const err = await bob.caller.workflow.import({ workspaceId: b, file }).catch((e: TRPCError) => e);
      expect((err as TRPCError).code).toBe("BAD_REQUEST");
      expect((err as TRPCError).message).toContain(says);
    }
    expect(await count(b)).toBe(before);
  });

  it("imports a bare graph (the JSON view), keeping this workspace's own connection ids", async () => {
    const mine = await connect(alice, a, "Mine");
    const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger", trigger: "manual" }, { ...action("call"), connectionId: mine.id }], edges: [] };
    const preview = await alice.caller.workflow.previewImport({ workspaceId: a, file: graph });
    expect(preview).toMatchObject({ ok: true, plan: { upgradedFrom: 0, name: "Imported workflow", connections: [] } });
    const created = await alice.caller.workflow.import({ workspaceId: a, file: graph });
    const wf = await alice.caller.workflow.get({ workspaceId: a, workflowId: created.id });
    expect((wf.draftGraph as { nodes: { connectionId?: string }[] }).nodes[1]!.connectionId).toBe(mine.id);
  });

  it("refuses a connection of another workspace, and lets only editors import", async () => {
    const theirs = await connect(alice, a, "Team API");
    const id = await workflowWith(alice, a, [{ ...action("call"), connectionId: theirs.id }]);
    const { text } = await alice.caller.workflow.export({ workspaceId: a, workflowId: id });
    const preview = await bob.caller.workflow.previewImport({ workspaceId: b, file: JSON.parse(text) });
    const key = preview.ok ? preview.plan.connections[0]!.key : "";
    const err = await bob.caller.workflow.import({ workspaceId: b, file: JSON.parse(text), connections: { [key]: theirs.id } }).catch((e: TRPCError) => e);
    expect((err as TRPCError).message).toContain("is not a HTTP Request connection of this workspace");
    const outsider = await alice.caller.workflow.export({ workspaceId: b, workflowId: id }).catch((e: TRPCError) => e);
    expect((outsider as TRPCError).code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});

describe("hostile workflow files", () => {
  const file = (graph: unknown, name = "Hostile") => ({ format: "junction-workflow", schemaVersion: 1, name, graph });

  it("a file nested too deep is refused with the limit named, before anything walks it", async () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 5000; i++) deep = [deep];
    const preview = await bob.caller.workflow.previewImport({ workspaceId: b, file: file({ schemaVersion: 1, nodes: [], edges: [], settings: deep }) });
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.errors[0]).toMatch(/deeper than|nested/i);
  });

  it("a file with more steps than a workflow may hold is refused whole", async () => {
    const before = await count(b);
    const nodes = [{ id: "start", kind: "trigger" }, ...Array.from({ length: 2100 }, (_, i) => ({ id: `s${i}`, kind: "merge" }))];
    const err = await bob.caller.workflow.import({ workspaceId: b, file: file({ schemaVersion: 1, nodes, edges: [] }) }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(await count(b)).toBe(before);
  });

  it("\\u0000 in a file is refused naming where it is, never a database error, and nothing is stored", async () => {
    const before = await count(b);
    const clean = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }], edges: [] };
    const inName = (await bob.caller.workflow.import({ workspaceId: b, file: file(clean, "Nul\u0000name") }).catch((e: TRPCError) => e)) as TRPCError;
    expect(inName.code).toBe("BAD_REQUEST");
    expect(inName.message).toBe("file.name: Contains a character that cannot be stored (U+0000).");
    const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }, { id: "say", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: { text: "a\u0000b" } }], edges: [] };
    const inStep = (await bob.caller.workflow.import({ workspaceId: b, file: file(graph) }).catch((e: TRPCError) => e)) as TRPCError;
    expect(inStep.code).toBe("BAD_REQUEST");
    expect(inStep.message).toBe("file.graph.nodes.1.input.text: Contains a character that cannot be stored (U+0000).");
    expect(await count(b)).toBe(before);
  });

  it("a parallel burst of imports creates each workflow once, all whole", async () => {
    const before = await count(b);
    const graph = { schemaVersion: 1, nodes: [{ id: "start", kind: "trigger" }], edges: [] };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bob.caller.workflow.import({ workspaceId: b, file: file(graph, `Burst ${i}`) })));
    expect(new Set(results.map((r) => r.id)).size).toBe(20);
    expect(await count(b)).toBe(before + 20);
  });
});
