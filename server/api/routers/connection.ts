import { connectionId, createInput, oauthStartInput, updateInput } from "../../connections/inputs";
import { refreshForUser } from "../../connections/oauth/refresh-for-user";
import { startOAuth } from "../../connections/oauth/start";
import * as svc from "../../connections/service";
import { testConnection } from "../../integrations/editor-calls";
import { router, workspaceProcedure } from "../trpc";

/**
 * Connections. Every answer is redacted (fields say "set"/"unset", never a value); decryption is only in
 * server/connections/vault.ts for the worker. `test` runs the integration's test(ctx) on the worker.
 */
export const connectionRouter = router({
  list: workspaceProcedure.query(({ ctx, input }) => svc.listConnections(ctx.db, ctx.user.id, input.workspaceId)),
  get: workspaceProcedure
    .input(connectionId)
    .query(({ ctx, input }) => svc.getConnection(ctx.db, ctx.user.id, input.workspaceId, input.connectionId)),
  create: workspaceProcedure
    .input(createInput)
    .mutation(({ ctx, input }) => svc.createConnection(ctx.db, ctx.user.id, input.workspaceId, input)),
  update: workspaceProcedure
    .input(updateInput)
    .mutation(({ ctx, input }) => svc.updateConnection(ctx.db, ctx.user.id, input.workspaceId, input)),
  delete: workspaceProcedure
    .input(connectionId)
    .mutation(({ ctx, input }) => svc.deleteConnection(ctx.db, ctx.user.id, input.workspaceId, input.connectionId)),
  oauthStart: workspaceProcedure
    .input(oauthStartInput)
    .mutation(({ ctx, input }) => startOAuth(ctx.db, ctx.user.id, input.workspaceId, input)),
  refresh: workspaceProcedure
    .input(connectionId)
    .mutation(({ ctx, input }) => refreshForUser(ctx.db, ctx.user.id, input.workspaceId, input.connectionId)),
  test: workspaceProcedure
    .input(connectionId)
    .mutation(({ ctx, input }) => testConnection(ctx.db, ctx.user.id, input.workspaceId, input.connectionId)),
});
