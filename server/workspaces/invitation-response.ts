import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { invitations, memberships, users, workspaces } from "../../db/schema";
import { hashLinkToken } from "../auth/tokens";
import { DomainError } from "../errors";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The invitation a link's token opens, with the names its page shows; `lock` holds the row until the transaction ends. */
async function byToken(db: Database | Tx, token: string, lock = false) {
  const q = db
    .select({
      id: invitations.id,
      workspaceId: invitations.workspaceId,
      workspace: workspaces.name,
      inviter: users.name,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, hashLinkToken(token)));
  const [inv] = await (lock ? q.for("update", { of: invitations }) : q);
  if (!inv) throw new DomainError("NOT_FOUND", "This invitation link is not valid: a newer invitation may have replaced it. Ask the workspace's admin to invite you again.");
  const expired = inv.status === "pending" && inv.expiresAt.getTime() <= Date.now();
  return { ...inv, inviter: inv.inviter ?? "A former member", state: expired ? ("expired" as const) : inv.status };
}

type Invitation = Awaited<ReturnType<typeof byToken>>;

const CLOSED: Record<Exclude<Invitation["state"], "pending">, (w: string) => string> = {
  expired: (w) => `This invitation to “${w}” has expired. Ask an admin of the workspace to invite you again.`,
  revoked: (w) => `This invitation to “${w}” was withdrawn by the workspace's admins.`,
  accepted: (w) => `This invitation to “${w}” was already accepted.`,
  declined: (w) => `This invitation to “${w}” was declined.`,
};

/** What the invitation page shows: who invited whom to what, and whether it can still be answered. */
export async function previewInvitation(db: Database, token: string) {
  const inv = await byToken(db, token);
  return {
    workspace: inv.workspace,
    inviter: inv.inviter,
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    state: inv.state,
    problem: inv.state === "pending" ? null : CLOSED[inv.state](inv.workspace),
  };
}

function assertPending(inv: Invitation) {
  if (inv.state !== "pending") throw new DomainError("BAD_REQUEST", CLOSED[inv.state](inv.workspace));
}

/**
 * Joins the workspace with the invitation's role. Only the account with the invited address may accept: a link
 * forwarded to someone else, or opened while signed in to another account, is refused with what to do instead.
 */
export async function acceptInvitation(db: Database, user: { id: string; email: string }, token: string) {
  return db.transaction(async (tx) => {
    const inv = await byToken(tx, token, true);
    assertPending(inv);
    if (inv.email !== user.email) {
      throw new DomainError(
        "FORBIDDEN",
        `This invitation is for ${inv.email}, and you are signed in as ${user.email}. Sign out, then sign in (or create an account) with ${inv.email}.`,
      );
    }
    await tx.insert(memberships).values({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role }).onConflictDoNothing();
    await tx.update(invitations).set({ status: "accepted", respondedAt: sql`now()` }).where(eq(invitations.id, inv.id));
    return { workspaceId: inv.workspaceId, workspace: inv.workspace, role: inv.role };
  });
}

/** Declines: the link is enough (it reached the invited address), so no account is needed to say no. */
export async function declineInvitation(db: Database, token: string) {
  return db.transaction(async (tx) => {
    const inv = await byToken(tx, token, true);
    assertPending(inv);
    await tx.update(invitations).set({ status: "declined", respondedAt: sql`now()` }).where(and(eq(invitations.id, inv.id), eq(invitations.status, "pending")));
    return { workspace: inv.workspace };
  });
}
