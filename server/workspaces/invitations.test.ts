import { type TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { invitations } from "../../db/schema";
import { linkTokenIn, waitForMail } from "../testing/mailbox";
import { addMember, callerFor, newUser } from "../testing/users";

type User = Awaited<ReturnType<typeof newUser>>;
let owner: User;
let workspaceId: string;

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: TRPCError) => ({ code: err.code, message: err.message }),
  );
}

/** Invites an address and returns the token from the mail that arrives. */
async function invite(email: string, role: "admin" | "editor" | "viewer" = "editor") {
  const since = new Date(Date.now() - 1000);
  const answer = await owner.caller.workspace.invite({ workspaceId, email, role });
  const mail = await waitForMail(email, "invited you to Crew", since);
  return { answer, token: linkTokenIn(mail.text), mail };
}

const memberEmails = async () => (await owner.caller.workspace.members({ workspaceId })).map((m) => m.email);

beforeAll(async () => {
  owner = await newUser("Olga Owner");
  workspaceId = (await owner.caller.workspace.create({ name: "Crew" })).id;
});

describe("invitations", () => {
  it("answer the same whether or not the address has an account, and add nobody until accepted", async () => {
    const known = await newUser("Kim Known");
    const a = await invite(known.email);
    const b = await invite("no-account-yet@example.com");
    expect(Object.keys(a.answer).sort()).toEqual(Object.keys(b.answer).sort());
    expect(a.answer).toMatchObject({ email: known.email, role: "editor" });
    expect(b.answer).toMatchObject({ email: "no-account-yet@example.com", role: "editor" });
    expect(a.mail.text).toContain("Olga Owner invited you to join the workspace “Crew”");
    expect(await memberEmails()).toEqual([owner.email]);
    expect((await owner.caller.workspace.invitations({ workspaceId })).map((i) => [i.email, i.expired])).toEqual(
      expect.arrayContaining([[known.email, false], ["no-account-yet@example.com", false]]),
    );
  });

  it("let the invited account accept once, with the invitation's role", async () => {
    const ann = await newUser("Ann Accepts");
    const { token } = await invite(ann.email, "viewer");
    const preview = await (await callerFor(null)).invitation.preview({ token });
    expect(preview).toMatchObject({ workspace: "Crew", inviter: "Olga Owner", email: ann.email, role: "viewer", state: "pending", problem: null });
    expect(await ann.caller.invitation.accept({ token })).toEqual({ workspaceId, workspace: "Crew", role: "viewer" });
    expect(await ann.caller.workspace.list()).toContainEqual({ id: workspaceId, name: "Crew", personal: false, role: "viewer" });
    expect(await rejection(ann.caller.invitation.accept({ token }))).toEqual({ code: "BAD_REQUEST", message: "This invitation to “Crew” was already accepted." });
    expect((await owner.caller.workspace.invitations({ workspaceId })).map((i) => i.email)).not.toContain(ann.email);
  });

  it("refuse an account other than the invited one, and leave the invitation open for the right one", async () => {
    const meant = await newUser("Meant One");
    const other = await newUser("Other One");
    const { token } = await invite(meant.email);
    expect(await rejection(other.caller.invitation.accept({ token }))).toEqual({
      code: "FORBIDDEN",
      message: `This invitation is for ${meant.email}, and you are signed in as ${other.email}. Sign out, then sign in (or create an account) with ${meant.email}.`,
    });
    expect(await memberEmails()).not.toContain(other.email);
    await meant.caller.invitation.accept({ token });
    expect(await memberEmails()).toContain(meant.email);
  });

  it("expire, say so, and can be resent with a new link that replaces the old one", async () => {
    const late = await newUser("Lee Late");
    const { token, answer } = await invite(late.email);
    await getDb().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, answer.id));
    expect(await rejection(late.caller.invitation.accept({ token }))).toEqual({
      code: "BAD_REQUEST",
      message: "This invitation to “Crew” has expired. Ask an admin of the workspace to invite you again.",
    });
    expect((await owner.caller.workspace.invitations({ workspaceId })).find((i) => i.id === answer.id)?.expired).toBe(true);

    await owner.caller.workspace.resendInvitation({ workspaceId, invitationId: answer.id });
    let fresh = token;
    while (fresh === token) fresh = linkTokenIn((await waitForMail(late.email, "invited you to Crew")).text);
    expect(await rejection(late.caller.invitation.accept({ token }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/^This invitation link is not valid/) });
    await late.caller.invitation.accept({ token: fresh });
    expect(await memberEmails()).toContain(late.email);
  });

  it("can be revoked by an admin, after which the link says so; a viewer cannot revoke", async () => {
    const viewer = await newUser("Val Viewer");
    await addMember(owner, workspaceId, viewer, "viewer");
    const rex = await newUser("Rex Revoked");
    const { token, answer } = await invite(rex.email);
    expect(await rejection(viewer.caller.workspace.revokeInvitation({ workspaceId, invitationId: answer.id }))).toMatchObject({ code: "FORBIDDEN" });
    await owner.caller.workspace.revokeInvitation({ workspaceId, invitationId: answer.id });
    expect(await rejection(rex.caller.invitation.accept({ token }))).toEqual({ code: "BAD_REQUEST", message: "This invitation to “Crew” was withdrawn by the workspace's admins." });
    expect(await rejection(owner.caller.workspace.revokeInvitation({ workspaceId, invitationId: answer.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await memberEmails()).not.toContain(rex.email);
  });

  it("can be declined from the link without an account, and then not accepted", async () => {
    const { token } = await invite("decliner@example.com");
    expect(await (await callerFor(null)).invitation.decline({ token })).toEqual({ workspace: "Crew" });
    const decliner = await newUser("Dee Decliner");
    expect(await rejection(decliner.caller.invitation.accept({ token }))).toEqual({ code: "BAD_REQUEST", message: "This invitation to “Crew” was declined." });
  });

  it("refuse a damaged link with a message, not an error page", async () => {
    const anon = await callerFor(null);
    expect(await rejection(anon.invitation.preview({ token: "short" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await rejection(anon.invitation.preview({ token: "x".repeat(43) }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("keep the owner role for owners to offer", async () => {
    const admin = await newUser("Ada Admin");
    await addMember(owner, workspaceId, admin, "admin");
    expect(await rejection(admin.caller.workspace.invite({ workspaceId, email: "new-owner@example.com", role: "owner" }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
