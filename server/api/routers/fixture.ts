import { z } from "zod";
import * as fixtures from "../../fixtures/service";
import { router, workspaceProcedure } from "../trpc";

const fixtureId = z.object({ fixtureId: z.uuid("Not a test fixture id") });
const name = z.string().trim().min(1, "Give the test fixture a name").max(120, "Use at most 120 characters");
const RUN_ID = /^run_[0-9a-f-]{36}(-onerror)*$/;

/** Trigger data shaped like a webhook delivery, as the editor's fixture form builds it. */
export const testPayload = z.object({
  body: z.unknown().optional(),
  headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Not a valid HTTP header name"), z.string().max(8192)).optional(),
  query: z.record(z.string().max(200), z.union([z.string(), z.array(z.string())])).optional(),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
});

/** Named test fixtures of a workflow (server/fixtures): for the editor's test runs only, never production runs. */
export const fixtureRouter = router({
  list: workspaceProcedure
    .input(z.object({ workflowId: z.uuid("Not a workflow id") }))
    .query(({ ctx, input }) => fixtures.listFixtures(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  get: workspaceProcedure.input(fixtureId).query(({ ctx, input }) => fixtures.getFixture(ctx.db, ctx.user.id, input.workspaceId, input.fixtureId)),
  create: workspaceProcedure
    .input(
      z.object({
        workflowId: z.uuid("Not a workflow id"),
        name,
        from: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("run"), runId: z.string().regex(RUN_ID, "Not a run id"), pinSteps: z.boolean().default(false) }),
          z.object({ kind: z.literal("manual"), payload: testPayload }),
        ]),
      }),
    )
    .mutation(({ ctx, input }) => fixtures.createFixture(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.name, input.from)),
  rename: workspaceProcedure
    .input(fixtureId.extend({ name }))
    .mutation(({ ctx, input }) => fixtures.renameFixture(ctx.db, ctx.user.id, input.workspaceId, input.fixtureId, input.name)),
  update: workspaceProcedure
    .input(fixtureId.extend({ payload: testPayload }))
    .mutation(({ ctx, input }) => fixtures.updateFixturePayload(ctx.db, ctx.user.id, input.workspaceId, input.fixtureId, input.payload)),
  delete: workspaceProcedure.input(fixtureId).mutation(({ ctx, input }) => fixtures.deleteFixture(ctx.db, ctx.user.id, input.workspaceId, input.fixtureId)),
});
