import { z } from "zod";
import { linkTokenSchema } from "../../auth/policy";
import { acceptInvitation, declineInvitation, previewInvitation } from "../../workspaces/invitation-response";
import { protectedProcedure, publicProcedure, router } from "../trpc";

const byToken = z.object({ token: linkTokenSchema });

/**
 * The invitee's side of a workspace invitation, reached from the mailed link. The token is the credential, so
 * these are all POSTs (mutations): a query would put it in a URL, and URLs end up in logs and browser history.
 */
export const invitationRouter = router({
  preview: publicProcedure.input(byToken).mutation(({ ctx, input }) => previewInvitation(ctx.db, input.token)),
  accept: protectedProcedure.input(byToken).mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.user, input.token)),
  decline: publicProcedure.input(byToken).mutation(({ ctx, input }) => declineInvitation(ctx.db, input.token)),
});
