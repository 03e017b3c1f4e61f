import { type TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor, newUser } from "../testing/users";

async function signUpError(input: { name: string; email: string; password: string }) {
  const anon = await callerFor(null);
  try {
    await anon.auth.signUp(input);
  } catch (err) {
    return err as TRPCError;
  }
  throw new Error("sign-up unexpectedly succeeded");
}

describe("sign-up", () => {
  it("makes the first account on a fresh install platform admin, and later ones plain users", async () => {
    const first = await newUser("Ada Admin");
    const second = await newUser("Bob User");
    expect((await first.caller.me.get())?.platformRole).toBe("admin");
    expect((await second.caller.me.get())?.platformRole).toBe("user");
  });

  it("gives every user a personal workspace they own", async () => {
    const u = await newUser("Grace Hopper");
    const list = await u.caller.workspace.list();
    expect(list).toEqual([{ id: u.personalWorkspaceId, name: "Grace's workspace", personal: true, role: "owner" }]);
  });

  it("normalises the email and refuses a taken one on the email field", async () => {
    const u = await newUser();
    const err = await signUpError({ name: "Copy", email: `  ${u.email.toUpperCase()} `, password: "another fine passphrase" });
    expect(err.code).toBe("CONFLICT");
    expect(err.cause).toMatchObject({ fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } });
  });

  it.each([
    ["a malformed email", { email: "not-an-email" }, "email", /valid email/],
    ["a short password", { password: "short" }, "password", /at least 10 characters/],
    ["a common password", { password: "password123" }, "password", /too common/],
    ["a repetitive password", { password: "aaaaaaaaaaaa" }, "password", /more different characters/],
    ["an empty name", { name: "   " }, "name", /Enter your name/],
  ])("rejects %s with a message on that field", async (_what, patch, field, message) => {
    const err = await signUpError({ name: "Valid Name", email: "valid@example.com", password: "a perfectly good one", ...patch });
    expect(err.code).toBe("BAD_REQUEST");
    const issues = (err.cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.find((i) => i.path[0] === field)?.message).toMatch(message);
  });
});
