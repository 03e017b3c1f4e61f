import { listCatalog } from "../../integrations/catalog";
import { loadOptions } from "../../integrations/editor-calls";
import { optionsInput } from "../../integrations/inputs";
import { router, workspaceProcedure } from "../trpc";

/**
 * Integrations as the editor sees them. `catalog` reads manifests only; `options` runs the integration's
 * options loader on the worker (through Temporal), so it is a mutation an editor may call, not a viewer.
 */
export const integrationRouter = router({
  catalog: workspaceProcedure.query(({ ctx, input }) => listCatalog(ctx.db, ctx.user.id, input.workspaceId)),
  options: workspaceProcedure
    .input(optionsInput)
    .mutation(({ ctx, input }) => loadOptions(ctx.db, ctx.user.id, input.workspaceId, input)),
});
