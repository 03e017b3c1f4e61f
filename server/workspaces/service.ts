import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { memberships, users, workspaces } from "../../db/schema";
import { endSessions } from "../auth/sessions";
import { DomainError } from "../errors";
import { requireRole } from "./access";
import type { Role } from "./roles";

/** Workspaces the user belongs to, personal first, with their role in each. */
export async function listMyWorkspaces(db: Database, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, personal: workspaces.personal, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(sql`${workspaces.personal} desc`, asc(workspaces.name));
}

export async function createWorkspace(db: Database, userId: string, name: string) {
  return db.transaction(async (tx) => {
    const [ws] = await tx.insert(workspaces).values({ name, createdBy: userId }).returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId, role: "owner" });
    return { id: ws!.id, name: ws!.name, personal: ws!.personal, role: "owner" as Role };
  });
}

export async function getWorkspace(db: Database, userId: string, workspaceId: string) {
  const m = await requireRole(db, userId, workspaceId, "viewer");
  const ws = await db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
  return { id: ws!.id, name: ws!.name, personal: ws!.personal, role: m.role };
}

export async function renameWorkspace(db: Database, userId: string, workspaceId: string, name: string) {
  await requireRole(db, userId, workspaceId, "admin");
  await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId));
  return { id: workspaceId, name };
}

export async function deleteWorkspace(db: Database, userId: string, workspaceId: string) {
  await requireRole(db, userId, workspaceId, "owner");
  const ws = await db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
  if (ws?.personal) throw new DomainError("BAD_REQUEST", "A personal workspace cannot be deleted.");
  await db.delete(workspaces).where(eq(workspaces.id, workspaceId));
  return { id: workspaceId };
}

export async function listMembers(db: Database, userId: string, workspaceId: string) {
  await requireRole(db, userId, workspaceId, "viewer");
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
}

async function targetMembership(db: Database, workspaceId: string, memberId: string) {
  const m = await db.query.memberships.findFirst({
    where: and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, memberId)),
  });
  if (!m) throw new DomainError("NOT_FOUND", "That person is not a member of this workspace.");
  return m;
}

async function assertNotLastOwner(db: Database, workspaceId: string, memberRole: Role) {
  if (memberRole !== "owner") return;
  const [{ owners } = { owners: 0 }] = await db
    .select({ owners: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  if (owners <= 1) throw new DomainError("BAD_REQUEST", "A workspace needs at least one owner. Make someone else owner first.");
}

export async function changeMemberRole(db: Database, userId: string, workspaceId: string, memberId: string, role: Role) {
  const me = await requireRole(db, userId, workspaceId, "admin");
  const target = await targetMembership(db, workspaceId, memberId);
  if ((target.role === "owner" || role === "owner") && me.role !== "owner") {
    throw new DomainError("FORBIDDEN", "Only an owner can change who is an owner.");
  }
  if (role !== "owner") await assertNotLastOwner(db, workspaceId, target.role);
  await db.transaction(async (tx) => {
    await tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, memberId)));
    // Their sessions were issued for the access they had: a session someone else holds (a stolen cookie, a shared
    // machine) must not outlive it. Changing your own role ends nothing.
    if (memberId !== userId && role !== target.role) await endSessions(tx, memberId, "workspace-role-change");
  });
  return { userId: memberId, role };
}

/** Removes a member; anyone may remove themselves (leave), admins may remove non-owners, owners anyone. */
export async function removeMember(db: Database, userId: string, workspaceId: string, memberId: string) {
  const me = await requireRole(db, userId, workspaceId, memberId === userId ? "viewer" : "admin");
  const target = await targetMembership(db, workspaceId, memberId);
  if (target.role === "owner" && me.role !== "owner") throw new DomainError("FORBIDDEN", "Only an owner can remove an owner.");
  await assertNotLastOwner(db, workspaceId, target.role);
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, memberId)));
    // Removed by someone else: end their sessions, as for a role change. Leaving a workspace yourself ends nothing.
    if (memberId !== userId) await endSessions(tx, memberId, "workspace-removal");
  });
  return { userId: memberId };
}
