import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { signInAttempts } from "../../db/schema";
import { createHashingQueue, defaultHashingQueue, HashingBusyError } from "./hashing-queue";
import { INVALID_CREDENTIALS, verifyCredentials } from "./sign-in";
import { attemptKeys, FIRST_WAIT_MS, waitAfter } from "./throttle";
import { newUser } from "../testing/users";

const here = "203.0.113.10";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const u = await newUser("Linus");
    await expect(verifyCredentials(getDb(), u.email.toUpperCase(), u.password, here)).resolves.toMatchObject({ id: u.id, email: u.email });
  });

  it("gives one generic message for a wrong password and an unknown email", async () => {
    const u = await newUser();
    await expect(verifyCredentials(getDb(), u.email, "wrong password!", here)).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "nobody-here@example.com", "wrong password!", here)).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "not an email", "x", here)).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("slows down repeated failures, even with the right password, then lets the user in after the wait", async () => {
    const u = await newUser();
    const here = "203.0.113.11"; // its own source, so the other tests' failures are not in its counts
    for (let i = 0; i < 5; i++) await expect(verifyCredentials(getDb(), u.email, "wrong password!", here)).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), u.email, u.password, here)).rejects.toMatchObject({ message: "Too many failed attempts. Try again in 30 seconds.", retryAfterS: 30 });
    // Age the attempts past their wait instead of sleeping in the test.
    const keys = attemptKeys(u.email, here);
    await getDb().update(signInAttempts).set({ lastAttemptAt: new Date(Date.now() - FIRST_WAIT_MS - 10) }).where(inArray(signInAttempts.key, Object.values(keys)));
    await expect(verifyCredentials(getDb(), u.email, u.password, here)).resolves.toMatchObject({ id: u.id });
    // Forgiven at this address; the account's and the address's counts keep only the five failures.
    const rows = await getDb().query.signInAttempts.findMany({ where: inArray(signInAttempts.key, Object.values(keys)) });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.attempts]))).toEqual({ [keys.account]: 5, [keys.source]: 5 });
  });

  it("throttles unknown emails the same way, so throttling reveals no accounts", async () => {
    for (let i = 0; i < 5; i++) await expect(verifyCredentials(getDb(), "ghost@example.com", "nope nope", here)).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "ghost@example.com", "nope nope", here)).rejects.toThrow(/Too many failed attempts/);
  });

  it("doubles the wait per attempt past the free ones, up to 15 minutes", () => {
    expect([4, 5, 6, 7].map((n) => waitAfter(n, 5))).toEqual([0, 30_000, 60_000, 120_000]);
    expect(waitAfter(40, 5)).toBe(15 * 60_000);
  });
});

describe("the password hashing queue", () => {
  it("runs `slots` hashes at once, lets `queue` more wait in order, and refuses the rest with a wait", async () => {
    const q = createHashingQueue(1, 2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const hash = (n: number) => q.run(() => new Promise<void>((resolve) => releases.push(() => (order.push(n), resolve()))));
    const running = [hash(1), hash(2), hash(3)];
    const refused = await hash(4).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HashingBusyError);
    expect((refused as HashingBusyError).message).toMatch(/^Junction is checking many passwords right now\. Try again in \d+ seconds\.$/);
    expect((refused as HashingBusyError).retryAfterS).toBeGreaterThan(0);
    expect(releases).toHaveLength(1); // only one hashing at a time
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      releases[i]!();
    }
    await Promise.all(running);
    expect(order).toEqual([1, 2, 3]);
  });

  it("is sized by JUNCTION_PASSWORD_HASH_SLOTS and _QUEUE, and a bad value names the variable", () => {
    expect(defaultHashingQueue({ JUNCTION_PASSWORD_HASH_SLOTS: "2" })).toMatchObject({ slots: 2, queue: 8 });
    expect(defaultHashingQueue({ JUNCTION_PASSWORD_HASH_SLOTS: "1", JUNCTION_PASSWORD_HASH_QUEUE: "0" })).toMatchObject({ slots: 1, queue: 0 });
    expect(() => defaultHashingQueue({ JUNCTION_PASSWORD_HASH_SLOTS: "0" })).toThrow('JUNCTION_PASSWORD_HASH_SLOTS must be an integer from 1 to 64; got "0".');
    expect(() => defaultHashingQueue({ JUNCTION_PASSWORD_HASH_QUEUE: "lots" })).toThrow(/JUNCTION_PASSWORD_HASH_QUEUE must be an integer from 0 to 10000/);
  });
});
