import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { newUser } from "../testing/users";

let u: Awaited<ReturnType<typeof newUser>>;
let other: Awaited<ReturnType<typeof newUser>>;

beforeAll(async () => {
  [u, other] = await Promise.all([newUser("Wendy"), newUser("Otto")]);
});

describe("workflows", () => {
  it("creates, renames, duplicates and deletes, newest first", async () => {
    const workspaceId = u.personalWorkspaceId;
    const a = await u.caller.workflow.create({ workspaceId, name: "  Lead intake " });
    expect(a).toMatchObject({ name: "Lead intake", active: false });
    await u.caller.workflow.rename({ workspaceId, workflowId: a.id, name: "Lead routing" });
    const copy = await u.caller.workflow.duplicate({ workspaceId, workflowId: a.id });
    expect(copy.name).toBe("Lead routing (copy)");
    expect((await u.caller.workflow.get({ workspaceId, workflowId: copy.id })).draftGraph).toEqual({ schemaVersion: 1, nodes: [], edges: [] });
    expect((await u.caller.workflow.list({ workspaceId })).map((w) => w.name)).toEqual(["Lead routing (copy)", "Lead routing"]);
    await u.caller.workflow.delete({ workspaceId, workflowId: copy.id });
    expect((await u.caller.workflow.list({ workspaceId })).map((w) => w.name)).toEqual(["Lead routing"]);
  });

  it("starts with a given graph (the catalogue's 'Use in a new workflow'); one that is not a graph is refused, naming why", async () => {
    const workspaceId = u.personalWorkspaceId;
    const step = { id: "send_request", kind: "action", action: { integration: "core", version: "1", key: "set" }, input: {} };
    const wf = await u.caller.workflow.create({ workspaceId, name: "From the catalogue", graph: { schemaVersion: 1, nodes: [step], edges: [] } });
    expect((await u.caller.workflow.get({ workspaceId, workflowId: wf.id })).draftGraph).toMatchObject({ nodes: [step] });
    const err = await u.caller.workflow.create({ workspaceId, name: "Broken", graph: { schemaVersion: 1, nodes: "none" } }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toMatch(/cannot be saved: nodes/);
    expect((await u.caller.workflow.list({ workspaceId })).map((w) => w.name)).not.toContain("Broken");
  });

  it("names the field of a bad name", async () => {
    const err = await u.caller.workflow.create({ workspaceId: u.personalWorkspaceId, name: "   " }).catch((e: TRPCError) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(((err as TRPCError).cause as unknown as { issues: { path: string[]; message: string }[] }).issues[0]).toMatchObject({ path: ["name"], message: "Give the workflow a name" });
  });

  it("cannot reach another workspace's workflow through one's own workspace id", async () => {
    const theirs = await other.caller.workflow.create({ workspaceId: other.personalWorkspaceId, name: "Private" });
    const err = await u.caller.workflow.rename({ workspaceId: u.personalWorkspaceId, workflowId: theirs.id, name: "Mine now" }).catch((e: TRPCError) => e);
    expect((err as TRPCError).code).toBe("NOT_FOUND");
    expect((await other.caller.workflow.get({ workspaceId: other.personalWorkspaceId, workflowId: theirs.id })).name).toBe("Private");
  });
});
