import { z } from "zod";
import { setActive } from "../../workflows/activation";
import * as pub from "../../workflows/publish";
import { runManual } from "../../triggers/manual";
import * as wf from "../../workflows/service";
import * as io from "../../workflows/import-export";
import { router, workspaceProcedure } from "../trpc";
import { displayName } from "./names";

const workflowId = z.object({ workflowId: z.uuid("Not a workflow id") });

export const workflowRouter = router({
  list: workspaceProcedure.query(({ ctx, input }) => wf.listWorkflows(ctx.db, ctx.user.id, input.workspaceId)),
  get: workspaceProcedure
    .input(workflowId)
    .query(({ ctx, input }) => wf.getWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  create: workspaceProcedure
    // graph: the draft to start from (absent: an empty canvas); held to the same limits as saveDraft's.
    .input(z.object({ name: displayName("workflow"), graph: z.unknown().optional() }))
    .mutation(({ ctx, input }) => wf.createWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.name, input.graph)),
  rename: workspaceProcedure
    .input(workflowId.extend({ name: displayName("workflow") }))
    .mutation(({ ctx, input }) => wf.renameWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.name)),
  duplicate: workspaceProcedure
    .input(workflowId)
    .mutation(({ ctx, input }) => wf.duplicateWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  saveDraft: workspaceProcedure
    // history: the editor's undo history (an object it alone reads), stored with the draft; null or absent clears it.
    .input(workflowId.extend({ draftRevision: z.number().int().min(1), graph: z.unknown(), history: z.record(z.string(), z.unknown()).nullable().default(null) }))
    .mutation(({ ctx, input }) => pub.saveDraft(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.draftRevision, input.graph, input.history)),
  publish: workspaceProcedure
    .input(workflowId.extend({ message: z.string().trim().max(500).default("") }))
    .mutation(({ ctx, input }) => pub.publish(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.message)),
  setActive: workspaceProcedure
    .input(workflowId.extend({ active: z.boolean() }))
    .mutation(({ ctx, input }) => setActive(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.active)),
  // The editor's test run: trigger data shaped like a webhook delivery, from the draft unless draft is false.
  runManual: workspaceProcedure
    .input(
      workflowId.extend({
        payload: z
          .object({
            body: z.unknown().optional(),
            headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Not a valid HTTP header name"), z.string().max(8192)).optional(),
            query: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
            method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).optional(),
          })
          .default({}),
        draft: z.boolean().default(true),
      }),
    )
    .mutation(({ ctx, input }) => runManual(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.payload, input.draft)),
  versions: workspaceProcedure
    .input(workflowId)
    .query(({ ctx, input }) => pub.listVersions(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  version: workspaceProcedure
    .input(workflowId.extend({ versionId: z.uuid("Not a version id") }))
    .query(({ ctx, input }) => pub.getVersion(ctx.db, ctx.user.id, input.workspaceId, input.workflowId, input.versionId)),
  // The workflow file (docs/workflow-file.md): the draft with connections named, never their credentials.
  export: workspaceProcedure
    .input(workflowId)
    .query(({ ctx, input }) => io.exportWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
  // What importing a file would do here (or everything wrong with it), before anything is stored.
  previewImport: workspaceProcedure
    .input(z.object({ file: z.unknown() }))
    .mutation(({ ctx, input }) => io.previewImport(ctx.db, ctx.user.id, input.workspaceId, input.file)),
  import: workspaceProcedure
    .input(
      z.object({
        file: z.unknown(),
        name: displayName("workflow").optional(),
        // The file's connection references (ImportConnection.key) → one of this workspace's connections, or null to choose later.
        connections: z.record(z.string().max(400), z.uuid("Not a connection id").nullable()).default({}),
      }),
    )
    .mutation(({ ctx, input }) => io.importWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.file, { name: input.name, connections: input.connections })),
  delete: workspaceProcedure
    .input(workflowId)
    .mutation(({ ctx, input }) => wf.deleteWorkflow(ctx.db, ctx.user.id, input.workspaceId, input.workflowId)),
});
