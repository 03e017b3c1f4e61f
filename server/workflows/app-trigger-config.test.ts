import { beforeAll, describe, expect, it } from "vitest";
import { g } from "../../workflows/testing/harness";
import { installAcme } from "../triggers/testing/install";
import { newUser } from "../testing/users";

// A polling or app-webhook trigger's config is checked against the integration trigger's input schema where the
// server computes a draft's problems (as an action's input is), so the editor marks the field and publish refuses.
// Acme's triggers (server/triggers/testing/acme) take { baseUrl: string }.
let u: Awaited<ReturnType<typeof newUser>>;
const ws = () => u.personalWorkspaceId;
const appTrigger = (trigger: "polling" | "app_webhook", key: string, config: Record<string, unknown>) => ({
  id: "start",
  kind: "trigger",
  trigger,
  app: { integration: "acme", version: "1.0.0", key, config },
});

beforeAll(async () => {
  u = await newUser("Tria Config");
  await installAcme(ws());
}, 120_000);

describe("integration trigger config on save and publish", () => {
  it("a polling trigger's missing config field is a draft problem naming node and field, and publish refuses it", async () => {
    const wf = await u.caller.workflow.create({ workspaceId: ws(), name: "Polls without a URL" });
    const graph = { schemaVersion: 1, nodes: [appTrigger("polling", "new_order", {}), g.set("after", {})], edges: g.chain("start", "after") };
    const saved = await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems).toEqual([{ nodeId: "start", field: "app.config.baseUrl", message: '"baseUrl" is required' }]);
    const refused = await u.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" }).catch((e: unknown) => e as Error);
    expect((refused as Error).message).toBe('The draft has 1 problem: "baseUrl" is required');

    const fixed = { ...graph, nodes: [appTrigger("polling", "new_order", { baseUrl: "https://acme.example" }), graph.nodes[1]] };
    expect((await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: fixed })).problems).toEqual([]);
    expect(await u.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" })).toMatchObject({ number: 1 });
  });

  it("an app-webhook trigger's config of the wrong type names the field", async () => {
    const wf = await u.caller.workflow.create({ workspaceId: ws(), name: "Ships to a number" });
    const graph = { schemaVersion: 1, nodes: [appTrigger("app_webhook", "order_shipped", { baseUrl: 42 })], edges: [] };
    const saved = await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems).toEqual([{ nodeId: "start", field: "app.config.baseUrl", message: '"baseUrl" must be text' }]);
  });
});
