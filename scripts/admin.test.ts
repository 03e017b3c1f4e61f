import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { signUp } from "../server/auth/users";

// Runs the real `npm run admin` entry point against this file's database.
function admin(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("exit", (code) => resolve({ code, out: out.trim() }));
  });
}

describe("npm run admin", () => {
  it("grants platform admin by email", async () => {
    await signUp(getDb(), { name: "First", email: "first@example.com", password: "first user passphrase" });
    await signUp(getDb(), { name: "Dana Dev", email: "dana@example.com", password: "dana's passphrase" });
    const r = await admin("grant", "Dana@Example.com");
    expect(r).toEqual({ code: 0, out: "✓ Dana Dev <dana@example.com> is now a platform admin." });
    const row = await getDb().query.users.findFirst({ where: eq(users.email, "dana@example.com") });
    expect(row?.platformRole).toBe("admin");
  });

  it("grants another role when named", async () => {
    expect(await admin("grant", "dana@example.com", "developer")).toEqual({ code: 0, out: "✓ Dana Dev <dana@example.com> is now a developer." });
  });

  it("explains an unknown account, an unknown role and a wrong command in one line each", async () => {
    expect(await admin("grant", "ghost@example.com")).toEqual({ code: 1, out: "✗ No account uses ghost@example.com. They must sign up first." });
    expect(await admin("grant", "dana@example.com", "root")).toMatchObject({ code: 1, out: expect.stringMatching(/^✗ Unknown role "root"\. Usage: npm run admin -- grant <email>/) });
    expect(await admin("revoke", "dana@example.com")).toMatchObject({ code: 1, out: expect.stringMatching(/^✗ Usage: npm run admin -- grant <email>/) });
  });
});
