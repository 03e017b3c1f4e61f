import { z } from "zod";
import { emailSchema } from "../../auth/policy";
import { ROLES } from "../../workspaces/roles";
import * as ws from "../../workspaces/service";
import { protectedProcedure, router, workspaceProcedure } from "../trpc";
import { displayName } from "./names";

const role = z.enum(ROLES, "Choose a role: owner, admin, editor or viewer");
const member = z.object({ memberId: z.uuid("Not a user id") });

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
  invite: workspaceProcedure
    .input(z.object({ email: emailSchema, role }))
    .mutation(({ ctx, input }) => ws.inviteMember(ctx.db, ctx.user.id, input.workspaceId, input.email, input.role)),
  changeRole: workspaceProcedure
    .input(member.extend({ role }))
    .mutation(({ ctx, input }) => ws.changeMemberRole(ctx.db, ctx.user.id, input.workspaceId, input.memberId, input.role)),
  removeMember: workspaceProcedure
    .input(member)
    .mutation(({ ctx, input }) => ws.removeMember(ctx.db, ctx.user.id, input.workspaceId, input.memberId)),
});
