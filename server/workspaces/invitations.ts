import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { invitations, memberships, users, workspaces } from "../../db/schema";
import { newLinkToken } from "../auth/tokens";
import { DomainError, fieldError } from "../errors";
import { appUrl } from "../http/app-url";
import type { Logger } from "../log";
import { sendInBackground } from "../mail/mailer";
import { invitationMail } from "../mail/templates";
import { requireRole } from "./access";
import type { Role } from "./roles";

export const INVITATION_DAYS = 7;
const DAY_MS = 24 * 3600_000;

/**
 * Invites an email address to a workspace: the same answer whether or not the address has a Junction account
 * (the invitation mail says what to do either way), and nobody joins until they accept. Inviting an address that
 * already has a pending invitation resends it: a new link, role and expiry, and the old link stops working.
 */
export async function inviteMember(db: Database, userId: string, workspaceId: string, email: string, role: Role, logger?: Logger) {
  const me = await requireRole(db, userId, workspaceId, "admin");
  if (role === "owner" && me.role !== "owner") throw fieldError("role", "Only an owner can invite another owner.", "FORBIDDEN");
  // The members list shows admins who is a member already, so saying so here tells them nothing new.
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, email)));
  if (member) throw fieldError("email", "This person is already a member.", "CONFLICT");
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY_MS);
  const [inv] = await db
    .insert(invitations)
    .values({ workspaceId, email, role, invitedBy: userId, tokenHash: hash, expiresAt })
    .onConflictDoUpdate({
      target: [invitations.workspaceId, invitations.email],
      targetWhere: sql`${invitations.status} = 'pending'`,
      set: { role, invitedBy: userId, tokenHash: hash, expiresAt, createdAt: new Date() },
    })
    .returning({ id: invitations.id });
  await mailInvitation(db, userId, workspaceId, { email, role, token }, logger);
  return { id: inv!.id, email, role, expiresAt };
}

async function mailInvitation(db: Database, inviterId: string, workspaceId: string, inv: { email: string; role: Role; token: string }, logger?: Logger) {
  const [names] = await db
    .select({ inviter: users.name, workspace: workspaces.name })
    .from(workspaces)
    .innerJoin(users, eq(users.id, inviterId))
    .where(eq(workspaces.id, workspaceId));
  // In the fragment: a browser never sends it to a server, so the token stays out of access logs and Referer headers.
  const url = appUrl(`/invite#token=${inv.token}`).toString();
  const mail = invitationMail(inv.email, { inviter: names!.inviter, workspace: names!.workspace, role: inv.role, url, days: INVITATION_DAYS });
  sendInBackground(db, mail, "invitation", logger);
}

/**
 * Pending invitations of a workspace, newest first; one past its expiry is listed as expired. Every member may see
 * them, as they see the members list; only admins act on them.
 */
export async function listInvitations(db: Database, userId: string, workspaceId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  const rows = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, sentAt: invitations.createdAt, invitedBy: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.status, "pending")))
    .orderBy(desc(invitations.createdAt));
  const now = Date.now();
  return rows.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= now }));
}

async function pendingInvitation(db: Database, workspaceId: string, invitationId: string) {
  const inv = await db.query.invitations.findFirst({
    where: and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), eq(invitations.status, "pending")),
  });
  if (!inv) throw new DomainError("NOT_FOUND", "That invitation is no longer pending: it was accepted, declined or revoked.");
  return inv;
}

/** Sends a pending (or expired) invitation again with a new link and a new expiry; the old link stops working. */
export async function resendInvitation(db: Database, userId: string, workspaceId: string, invitationId: string, logger?: Logger) {
  await requireRole(db, userId, workspaceId, "admin");
  const inv = await pendingInvitation(db, workspaceId, invitationId);
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY_MS);
  await db.update(invitations).set({ tokenHash: hash, expiresAt, invitedBy: userId, createdAt: new Date() }).where(eq(invitations.id, inv.id));
  await mailInvitation(db, userId, workspaceId, { email: inv.email, role: inv.role, token }, logger);
  return { id: inv.id, email: inv.email, expiresAt };
}

/** Withdraws a pending invitation; its link then says so. */
export async function revokeInvitation(db: Database, userId: string, workspaceId: string, invitationId: string) {
  await requireRole(db, userId, workspaceId, "admin");
  const inv = await pendingInvitation(db, workspaceId, invitationId);
  await db.update(invitations).set({ status: "revoked", respondedAt: new Date() }).where(and(eq(invitations.id, inv.id), eq(invitations.status, "pending")));
  return { id: inv.id, email: inv.email };
}
