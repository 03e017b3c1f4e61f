import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { defaultHashingQueue, type HashingQueue } from "./hashing-queue";

// OWASP's scrypt baseline: N=2^17, r=8, p=1 (128 MiB). Encoded into the hash so it can be raised later
// without invalidating stored hashes.
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LEN = 32;

let queue: HashingQueue | undefined;

/** Every hash waits its turn in the hashing queue; a full queue throws HashingBusyError. */
function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r };
  queue ??= defaultHashingQueue();
  return queue.run(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, KEY_LEN, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split("$");
  if (alg !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Verifying against this when the email is unknown makes a miss cost the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnEquivalentTime(password: string): Promise<void> {
  // A first hash refused by a full queue must not stay cached as a rejection: the next miss tries again.
  dummyHash ??= hashPassword("junction-timing-equaliser").catch((err: unknown) => {
    dummyHash = undefined;
    throw err;
  });
  await verifyPassword(password, await dummyHash);
}
