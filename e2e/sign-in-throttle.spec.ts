import { expect, test } from "@playwright/test";
import { createAccount, csrfFor, sessionCookieOf, signInFrom, type SignIn } from "./sign-in-http";

// Sign-in limits through the real endpoint (docs/security.md, "Sign-in limits"). Each test's callers use their
// own loopback addresses, so they are separate sources to the edge, as different people on the internet are.

const INCORRECT = "Email or password is incorrect.";
const THROTTLED = /^Too many failed attempts\. Try again in \d+ (seconds|minutes)\.$/;
// Sign-in hashes passwords on purpose (slow by design), forty at once on a loaded machine.
test.setTimeout(180_000);

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

async function newAccount(tag: string) {
  const email = `e2e-throttle-${tag}-${stamp()}@example.com`;
  const password = `amber-harbour-${stamp()}`;
  await createAccount(email, password);
  return { email, password };
}

function expectThrottled(r: SignIn) {
  expect(r.error, r.body).toMatch(THROTTLED);
  expect(r.status).toBe(429);
  expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
}

test("forty parallel guesses at one account: only the five free ones are checked, the rest wait", async () => {
  const { email } = await newAccount("burst");
  const from = "127.0.0.21";
  const csrf = await csrfFor(from);
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => signInFrom(from, email, `wrong guess number ${i}`, { csrf })));
  // Every answer is one of the two meant for the user: never a 5xx, never a silent pass.
  for (const a of answers) expect([401, 429], a.body).toContain(a.status);
  const checked = answers.filter((a) => a.error === INCORRECT);
  const throttled = answers.filter((a) => a.status === 429);
  expect(checked.length, answers.map((a) => a.error).join("\n")).toBe(5);
  expect(throttled).toHaveLength(35);
  throttled.forEach(expectThrottled);
});

test("guesses from one address slow that address down, not the owner signing in from another", async () => {
  const owner = await newAccount("lockout");
  const attacker = "127.0.0.22";
  for (let i = 0; i < 5; i++) expect((await signInFrom(attacker, owner.email, `guess ${i}`)).error).toBe(INCORRECT);
  expectThrottled(await signInFrom(attacker, owner.email, "guess 6"));
  // Even the right password waits at the attacker's address...
  expectThrottled(await signInFrom(attacker, owner.email, owner.password));
  // ...while the owner, elsewhere, signs in at once.
  const mine = await signInFrom("127.0.0.23", owner.email, owner.password);
  expect(mine.error, mine.body).toBeNull();
  expect(mine.status).toBe(200);
  expect(sessionCookieOf(mine)).toBeTruthy();
});

test("behind a TRUST_PROXY proxy that says https, the cookies are Secure; anyone else saying so is ignored", async () => {
  const owner = await newAccount("secure");
  const claimsHttps = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.50" };
  // 127.0.0.2 is the TLS terminator the browser tests' stack trusts (scripts/test.ts sets TRUST_PROXY).
  const viaProxy = await signInFrom("127.0.0.2", owner.email, owner.password, { headers: claimsHttps });
  expect(viaProxy.error, viaProxy.body).toBeNull();
  expect(sessionCookieOf(viaProxy)).toMatch(/;\s*Secure/i);
  expect((await csrfFor("127.0.0.2", claimsHttps)).setCookie.join("\n")).toMatch(/next-auth\.csrf-token=[^\n]*;\s*Secure/i);

  const direct = await signInFrom("127.0.0.24", owner.email, owner.password, { headers: claimsHttps });
  expect(direct.error, direct.body).toBeNull();
  expect(sessionCookieOf(direct)).toBeTruthy();
  expect(sessionCookieOf(direct)).not.toMatch(/Secure/i);
});

test("limits count the client a trusted proxy names, and a forged X-Forwarded-For does not escape them", async () => {
  const owner = await newAccount("forwarded");
  const via = (client: string) => ({ headers: { "x-forwarded-for": client } });
  // Through the trusted proxy: the client it names is the source.
  for (let i = 0; i < 5; i++) expect((await signInFrom("127.0.0.2", owner.email, `guess ${i}`, via("203.0.113.60"))).error).toBe(INCORRECT);
  expectThrottled(await signInFrom("127.0.0.2", owner.email, "guess 6", via("203.0.113.60")));
  const other = await signInFrom("127.0.0.2", owner.email, owner.password, via("203.0.113.61"));
  expect(other.error, other.body).toBeNull();
  // From an untrusted peer, a new made-up address per guess still counts against the peer itself.
  for (let i = 0; i < 5; i++) expect((await signInFrom("127.0.0.25", owner.email, `guess ${i}`, via(`198.51.100.${i}`))).error).toBe(INCORRECT);
  expectThrottled(await signInFrom("127.0.0.25", owner.email, "guess 6", via("198.51.100.99")));
});

test("beyond the password hashing queue, sign-ins are answered 429 with Retry-After, never a 5xx", async () => {
  // Sixty accounts at once, so no per-account limit steps in: only the queue (1 slot and 40 waiting in this
  // stack; the edge admits that many and answers the rest itself).
  const from = "127.0.0.26";
  const csrf = await csrfFor(from);
  const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => signInFrom(from, `e2e-stuffed-${i}-${stamp()}@example.com`, "Winter2026!", { csrf })));
  const busy = answers.filter((a) => a.status === 429);
  for (const a of answers) if (a.status !== 429) expect(a.error, a.body).toBe(INCORRECT);
  expect(busy.length, answers.map((a) => `${a.status} ${a.error}`).join("\n")).toBeGreaterThan(0);
  for (const a of busy) {
    expect(a.error).toMatch(/^Junction is checking many passwords right now\. Try again in \d+ seconds\.$/);
    expect(Number(a.headers["retry-after"])).toBeGreaterThan(0);
  }
});
