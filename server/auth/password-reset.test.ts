import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { mailOutbox, passwordResetTokens, users } from "../../db/schema";
import { createLogger } from "../log";
import { callerFor, newUser } from "../testing/users";
import { verifyPassword } from "./password";
import { currentSessionVersion } from "./sessions";
import { RESET_LINK_EXPIRED, RESET_LINK_UNKNOWN, RESET_LINK_USED, requestPasswordReset } from "./password-reset";

/** A real SMTP server on loopback: the mail crosses the same protocol a production mail relay speaks. */
type Received = { to: string[]; raw: string };
const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
      done();
    });
  },
});

/** The decoded body of a received mail (nodemailer writes long lines quoted-printable). */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The newest mail the SMTP server received for `email` (after the first `skip` of them), decoded. */
async function mailTo(email: string, skip = 0, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = received.filter((m) => m.to.includes(email))[skip];
    if (found) return decoded(found.raw);
    if (Date.now() > deadline) throw new Error(`no mail reached the SMTP server for ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tokenIn = (body: string) => /\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(body)?.[1] ?? "";

async function rejection(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: Error & { code?: string }) => ({ code: err.code, message: err.message }),
  );
}

async function passwordWorks(email: string, password: string) {
  const row = await getDb().query.users.findFirst({ where: eq(users.email, email) });
  return verifyPassword(password, row!.passwordHash!);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // Read by server/env.ts on first use, which in this file is the first mail sent.
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Each test hashes several scrypt passwords (128 MiB each); on a loaded 2-core machine that takes a while.
describe("password reset by mailed link", { timeout: 120_000 }, () => {
  it("mails a link through SMTP that sets a new password once, and answers an unknown address the same", async () => {
    const u = await newUser("Rita Reset");
    const anon = await callerFor(null);
    expect(await anon.auth.requestPasswordReset({ email: "nobody-at-all@example.com" })).toEqual({ sent: true });
    expect(await anon.auth.requestPasswordReset({ email: ` ${u.email.toUpperCase()} ` })).toEqual({ sent: true });
    const body = await mailTo(u.email);
    expect(body).toContain("Subject: Reset your Junction password");
    expect(body).toContain("The link works once, for 30 minutes.");
    expect(received.some((m) => m.to.includes("nobody-at-all@example.com"))).toBe(false);
    // Sent, not parked: with SMTP_URL set nothing goes to the outbox.
    expect(await getDb().select().from(mailOutbox)).toEqual([]);

    const token = tokenIn(body);
    // Only the hash is stored.
    expect(await getDb().query.passwordResetTokens.findFirst({ where: eq(passwordResetTokens.tokenHash, token) })).toBeUndefined();
    const before = await currentSessionVersion(getDb(), u.id);
    expect(await anon.auth.resetPassword({ token, password: "a brand new passphrase" })).toEqual({ reset: true });
    // Whoever held the old password is signed out everywhere.
    expect(await currentSessionVersion(getDb(), u.id)).toBe(before! + 1);
    expect(await passwordWorks(u.email, "a brand new passphrase")).toBe(true);
    expect(await passwordWorks(u.email, u.password)).toBe(false);

    expect(await rejection(anon.auth.resetPassword({ token, password: "yet another passphrase" }))).toEqual({ code: "BAD_REQUEST", message: RESET_LINK_USED });
    expect(await passwordWorks(u.email, "a brand new passphrase")).toBe(true);
  });

  it("refuses an expired link, and a link replaced by a newer request, with messages that say so", async () => {
    const u = await newUser("Eve Expired");
    const anon = await callerFor(null);
    await anon.auth.requestPasswordReset({ email: u.email });
    const first = tokenIn(await mailTo(u.email));
    // A second request within a minute sends nothing (no inbox flooding); age the first past that instead of waiting.
    await getDb().update(passwordResetTokens).set({ createdAt: new Date(Date.now() - 120_000) }).where(eq(passwordResetTokens.userId, u.id));
    await anon.auth.requestPasswordReset({ email: u.email });
    const second = tokenIn(await mailTo(u.email, 1));
    expect(second).not.toBe(first);
    expect(await rejection(anon.auth.resetPassword({ token: first, password: "a brand new passphrase" }))).toEqual({ code: "BAD_REQUEST", message: RESET_LINK_UNKNOWN });

    await getDb().update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResetTokens.userId, u.id));
    expect(await rejection(anon.auth.resetPassword({ token: second, password: "a brand new passphrase" }))).toEqual({ code: "BAD_REQUEST", message: RESET_LINK_EXPIRED });
    expect(await passwordWorks(u.email, u.password)).toBe(true);
  });

  it("checks the new password like sign-up does, and a damaged link by its shape", async () => {
    const anon = await callerFor(null);
    expect(await rejection(anon.auth.resetPassword({ token: "A".repeat(43), password: "short" }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least 10 characters") });
    expect(await rejection(anon.auth.resetPassword({ token: "cut-off", password: "a fine passphrase" }))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("link is incomplete") });
  });

  it("never writes the token or the link to the log", async () => {
    const u = await newUser("Lou Logged");
    const lines: string[] = [];
    const logger = createLogger(new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) }));
    logger.level = "trace";
    await requestPasswordReset(getDb(), u.email, logger);
    const token = tokenIn(await mailTo(u.email));
    await expect.poll(() => lines.join(""), { timeout: 10_000 }).toContain("mail sent");
    expect(lines.join("")).not.toContain(token);
    expect(lines.join("")).not.toContain("reset-password");
  });
});
