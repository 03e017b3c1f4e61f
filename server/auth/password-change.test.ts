import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { waitForMail } from "../testing/mailbox";
import { newUser } from "../testing/users";
import { verifyPassword } from "./password";
import { currentSessionVersion } from "./sessions";

async function passwordWorks(email: string, password: string) {
  const row = await getDb().query.users.findFirst({ where: eq(users.email, email) });
  return verifyPassword(password, row!.passwordHash!);
}

async function fieldErrors(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: { cause?: { fieldErrors?: unknown; issues?: { path: string[]; message: string }[] } }) =>
      err.cause?.fieldErrors ?? Object.fromEntries((err.cause?.issues ?? []).map((i) => [i.path[0], [i.message]])),
  );
}

describe("password change", { timeout: 120_000 }, () => {
  it("needs the current password, named at its field", async () => {
    const u = await newUser("Cal Change");
    expect(await fieldErrors(u.caller.me.changePassword({ currentPassword: "not my password", newPassword: "a brand new passphrase" }))).toEqual({
      currentPassword: ["Your current password is incorrect."],
    });
    expect(await passwordWorks(u.email, u.password)).toBe(true);
  });

  it("checks the new password like sign-up does", async () => {
    const u = await newUser();
    expect(await fieldErrors(u.caller.me.changePassword({ currentPassword: u.password, newPassword: "password123" }))).toEqual({
      newPassword: ["This password is too common; choose another"],
    });
    expect(await fieldErrors(u.caller.me.changePassword({ currentPassword: u.password, newPassword: u.password }))).toEqual({
      newPassword: ["Choose a password different from your current one."],
    });
  });

  it("changes it, ends every session of the account, and tells the account's address", async () => {
    const u = await newUser("Cat Changed");
    const since = new Date(Date.now() - 1000);
    const before = await currentSessionVersion(getDb(), u.id);
    expect(await u.caller.me.changePassword({ currentPassword: u.password, newPassword: "a brand new passphrase" })).toEqual({ changed: true, email: u.email });
    expect(await passwordWorks(u.email, "a brand new passphrase")).toBe(true);
    expect(await passwordWorks(u.email, u.password)).toBe(false);
    // Every session of the account ended (the version its cookies carry no longer matches).
    expect(await currentSessionVersion(getDb(), u.id)).toBe(before! + 1);
    const mail = await waitForMail(u.email, "password was changed", since);
    expect(mail.text).toContain("The password of your Junction account was just changed");
  });
});
