import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { signInFailures } from "../../db/schema";
import { INVALID_CREDENTIALS, verifyCredentials } from "./sign-in";
import { waitAfter } from "./throttle";
import { newUser } from "../testing/users";

describe("sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const u = await newUser("Linus");
    await expect(verifyCredentials(getDb(), u.email.toUpperCase(), u.password)).resolves.toMatchObject({ id: u.id, email: u.email });
  });

  it("gives one generic message for a wrong password and an unknown email", async () => {
    const u = await newUser();
    await expect(verifyCredentials(getDb(), u.email, "wrong password!")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "nobody-here@example.com", "wrong password!")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "not an email", "x")).rejects.toThrow(INVALID_CREDENTIALS);
  });

  it("slows down repeated failures, even with the right password, then lets the user in after the wait", async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) await expect(verifyCredentials(getDb(), u.email, "wrong password!")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), u.email, u.password)).rejects.toThrow(/Too many failed attempts\. Try again in \d+ seconds\./);
    // Age the last failure past its wait instead of sleeping in the test.
    await getDb().update(signInFailures).set({ lastFailureAt: new Date(Date.now() - waitAfter(5) - 10) }).where(eq(signInFailures.email, u.email));
    await expect(verifyCredentials(getDb(), u.email, u.password)).resolves.toMatchObject({ id: u.id });
    expect(await getDb().query.signInFailures.findFirst({ where: eq(signInFailures.email, u.email) })).toBeUndefined();
  });

  it("throttles unknown emails the same way, so throttling reveals no accounts", async () => {
    for (let i = 0; i < 5; i++) await expect(verifyCredentials(getDb(), "ghost@example.com", "nope nope")).rejects.toThrow(INVALID_CREDENTIALS);
    await expect(verifyCredentials(getDb(), "ghost@example.com", "nope nope")).rejects.toThrow(/Too many failed attempts/);
  });

  it("doubles the wait per failure up to 15 minutes", () => {
    expect([4, 5, 6, 7].map(waitAfter)).toEqual([0, 1000, 2000, 4000]);
    expect(waitAfter(40)).toBe(15 * 60_000);
  });
});
