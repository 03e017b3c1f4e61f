import { beforeAll, describe, expect, it } from "vitest";
import { g } from "../../workflows/testing/harness";
import { newUser } from "../testing/users";

// Issue 12 item 6: references in a step's templates are checked against the graph and the integrations' declared
// output schemas where the server computes a draft's problems, so the editor shows them and publish refuses them.
// The HTTP Request integration is the official one the migration seeds (its manifest declares status, headers, body).
let u: Awaited<ReturnType<typeof newUser>>;
const ws = () => u.personalWorkspaceId;
const http = (id: string, input: Record<string, unknown>) => ({ id, kind: "action", action: { integration: "http-request", version: "1.2.0", key: "send_request" }, input });

beforeAll(async () => {
  u = await newUser("Mappa");
});

describe("reference problems on save and publish", () => {
  it("a reference to a field the step's output schema does not declare is a draft problem, and publish refuses it", async () => {
    const wf = await u.caller.workflow.create({ workspaceId: ws(), name: "Typo in a reference" });
    const graph = {
      schemaVersion: 1,
      nodes: [g.trigger(), http("fetch", { url: "https://example.com/a" }), http("post", { url: "https://example.com/{{ steps.fetch.output.stauts }}?n={{ trigger.body.name }}" })],
      edges: [...g.chain("start", "fetch"), ...g.chain("fetch", "post")],
    };
    const saved = await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems).toEqual([{ nodeId: "post", field: "input.url", message: 'The output of step "fetch" has no field "stauts" (it has body, headers, status)' }]);
    const refused = await u.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" }).catch((e: unknown) => e as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe('The draft has 1 problem: The output of step "fetch" has no field "stauts" (it has body, headers, status)');

    const fixed = { ...graph, nodes: [graph.nodes[0], graph.nodes[1], http("post", { url: "https://example.com/{{ steps.fetch.output.status }}" })] };
    expect((await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 2, graph: fixed })).problems).toEqual([]);
    expect(await u.caller.workflow.publish({ workspaceId: ws(), workflowId: wf.id, message: "v1" })).toMatchObject({ number: 1 });
  });

  it("a reference to a step that is not upstream is a draft problem naming both steps", async () => {
    const wf = await u.caller.workflow.create({ workspaceId: ws(), name: "Side by side" });
    const graph = {
      schemaVersion: 1,
      nodes: [g.trigger(), http("left", { url: "https://example.com/l" }), http("right", { url: "https://example.com/{{ steps.left.output.body.id }}" })],
      edges: [...g.chain("start", "left"), ...g.chain("start", "right")],
    };
    const saved = await u.caller.workflow.saveDraft({ workspaceId: ws(), workflowId: wf.id, draftRevision: 1, graph });
    expect(saved.problems).toEqual([
      { nodeId: "right", field: "input.url", message: 'Step "left" does not come before "right", so its output is not available here; connect it upstream or pick a step that runs earlier' },
    ]);
  });
});
