import { type TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, newUser } from "../testing/users";

let owner: Awaited<ReturnType<typeof newUser>>;
let admin: Awaited<ReturnType<typeof newUser>>;
let editor: Awaited<ReturnType<typeof newUser>>;
let workspaceId: string;

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: TRPCError) => ({ code: err.code, message: err.message, fieldErrors: (err.cause as { fieldErrors?: unknown })?.fieldErrors }),
  );
}

beforeAll(async () => {
  [owner, admin, editor] = await Promise.all([newUser("Owner"), newUser("Admin"), newUser("Editor")]);
  workspaceId = (await owner.caller.workspace.create({ name: "Ops" })).id;
  await addMember(owner, workspaceId, admin, "admin");
  await addMember(owner, workspaceId, editor, "editor");
});

describe("members", () => {
  it("says at the email field when the person is already a member", async () => {
    expect(await rejection(owner.caller.workspace.invite({ workspaceId, email: editor.email, role: "viewer" }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { email: ["This person is already a member."] },
    });
  });

  it("lets the new member see the workspace with their role", async () => {
    expect(await editor.caller.workspace.list()).toContainEqual({ id: workspaceId, name: "Ops", personal: false, role: "editor" });
  });

  it("keeps the owner role for owners to hand out", async () => {
    expect(await rejection(admin.caller.workspace.changeRole({ workspaceId, memberId: editor.id, role: "owner" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(admin.caller.workspace.removeMember({ workspaceId, memberId: owner.id }))).toMatchObject({ code: "FORBIDDEN" });
    await admin.caller.workspace.changeRole({ workspaceId, memberId: editor.id, role: "viewer" });
    expect((await editor.caller.workspace.get({ workspaceId })).role).toBe("viewer");
  });

  it("never leaves a workspace without an owner", async () => {
    expect(await rejection(owner.caller.workspace.changeRole({ workspaceId, memberId: owner.id, role: "admin" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "A workspace needs at least one owner. Make someone else owner first.",
    });
    expect(await rejection(owner.caller.workspace.removeMember({ workspaceId, memberId: owner.id }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets anyone leave, and then the workspace is gone for them", async () => {
    await editor.caller.workspace.removeMember({ workspaceId, memberId: editor.id });
    expect((await editor.caller.workspace.list()).map((w) => w.id)).not.toContain(workspaceId);
  });

  it("refuses to delete a personal workspace", async () => {
    expect(await rejection(owner.caller.workspace.delete({ workspaceId: owner.personalWorkspaceId }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "A personal workspace cannot be deleted.",
    });
  });

  it("deletes a team workspace for its owner", async () => {
    await owner.caller.workspace.delete({ workspaceId });
    expect((await admin.caller.workspace.list()).map((w) => w.id)).not.toContain(workspaceId);
  });
});
