import { z } from "zod";
import { emailSchema } from "../../auth/policy";
import { ROLES } from "../../workspaces/roles";
import * as invites from "../../workspaces/invitations";
import * as ws from "../../workspaces/service";
import { protectedProcedure, router, workspaceProcedure } from "../trpc";
import { displayName } from "./names";

const role = z.enum(ROLES, "Choose a role: owner, admin, editor or viewer");
const member = z.object({ memberId: z.uuid("Not a user id") });
const invitation = z.object({ invitationId: z.uuid("Not an invitation id") });

export const workspaceRouter = router({
  list: protectedProcedure.query(({ ctx }) => ws.listMyWorkspaces(ctx.db, ctx.user.id)),
  create: protectedProcedure
    .input(z.object({ name: displayName("workspace") }))
    .mutation(({ ctx, input }) => ws.createWorkspace(ctx.db, ctx.user.id, input.name)),
  get: workspaceProcedure.query(({ ctx, input }) => ws.getWorkspace(ctx.db, ctx.user.id, input.workspaceId)),
  rename: workspaceProcedure
    .input(z.object({ name: displayName("workspace") }))
    .mutation(({ ctx, input }) => ws.renameWorkspace(ctx.db, ctx.user.id, input.workspaceId, input.name)),
  delete: workspaceProcedure.mutation(({ ctx, input }) => ws.deleteWorkspace(ctx.db, ctx.user.id, input.workspaceId)),
  members: workspaceProcedure.query(({ ctx, input }) => ws.listMembers(ctx.db, ctx.user.id, input.workspaceId)),
  /** Mails an invitation to any address; the answer does not say whether it has an account. */
  invite: workspaceProcedure
    .input(z.object({ email: emailSchema, role }))
    .mutation(({ ctx, input }) => invites.inviteMember(ctx.db, ctx.user.id, input.workspaceId, input.email, input.role, ctx.log)),
  invitations: workspaceProcedure.query(({ ctx, input }) => invites.listInvitations(ctx.db, ctx.user.id, input.workspaceId)),
  resendInvitation: workspaceProcedure
    .input(invitation)
    .mutation(({ ctx, input }) => invites.resendInvitation(ctx.db, ctx.user.id, input.workspaceId, input.invitationId, ctx.log)),
  revokeInvitation: workspaceProcedure
    .input(invitation)
    .mutation(({ ctx, input }) => invites.revokeInvitation(ctx.db, ctx.user.id, input.workspaceId, input.invitationId)),
  changeRole: workspaceProcedure
    .input(member.extend({ role }))
    .mutation(({ ctx, input }) => ws.changeMemberRole(ctx.db, ctx.user.id, input.workspaceId, input.memberId, input.role)),
  removeMember: workspaceProcedure
    .input(member)
    .mutation(({ ctx, input }) => ws.removeMember(ctx.db, ctx.user.id, input.workspaceId, input.memberId)),
});
