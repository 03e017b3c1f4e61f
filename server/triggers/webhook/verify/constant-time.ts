import { timingSafeEqual } from "node:crypto";

/**
 * Compares two byte strings in time that depends only on their lengths (which an attacker already knows:
 * a digest's length is fixed by its algorithm). Unequal lengths still do one comparison, then say no.
 */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/** True when any candidate matches any expected value; every pair is compared, so the answer's timing tells nothing. */
export function anyEqual(candidates: Buffer[], expected: Buffer[]): boolean {
  let ok = false;
  for (const c of candidates) for (const e of expected) ok = safeEqual(c, e) || ok;
  return ok;
}
