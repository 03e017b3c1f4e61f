import { type TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { setPlatformRoleByEmail } from "./platform-roles";
import { callerFor, newUser } from "../testing/users";

describe("platform roles", () => {
  it("grants admin by email, which opens the admin procedures at once", async () => {
    await newUser("First (admin)");
    const u = await newUser("Later");
    const refused = await u.caller.admin.users().catch((e: TRPCError) => e.code);
    expect(refused).toBe("FORBIDDEN");
    await expect(setPlatformRoleByEmail(getDb(), u.email.toUpperCase(), "admin")).resolves.toMatchObject({ email: u.email, role: "admin" });
    // The session holds only the user id; the role is re-read per request, so no new sign-in is needed.
    const fresh = await callerFor(u.id);
    expect((await fresh.admin.users()).length).toBe(2);
  });

  it("explains an unknown or malformed email", async () => {
    await expect(setPlatformRoleByEmail(getDb(), "nobody@example.com", "admin")).rejects.toThrow("No account uses nobody@example.com. They must sign up first.");
    await expect(setPlatformRoleByEmail(getDb(), "nobody", "admin")).rejects.toThrow('"nobody" is not an email address.');
  });

  it("does not let an admin drop their own admin role", async () => {
    const first = await getDb().query.users.findFirst({ where: (u, { eq }) => eq(u.platformRole, "admin") });
    const me = await callerFor(first!.id);
    await expect(me.admin.setPlatformRole({ userId: first!.id, role: "user" })).rejects.toThrow("You cannot remove your own admin role; ask another admin.");
  });
});
