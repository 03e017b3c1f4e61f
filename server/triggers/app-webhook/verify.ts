import { createHmac, timingSafeEqual } from "node:crypto";
import type { Manifest } from "../../../integrations/sdk/src/manifest";

type Verification = Manifest["webhooks"][number]["verification"];

/**
 * Checks a delivery against the integration's declared verification, with the subscription's secret, on the
 * raw bytes. Returns why it fails, or null. Comparisons are constant-time.
 */
export function verificationProblem(v: Verification, secret: string, headers: Headers, rawBody: Buffer): string | null {
  if (v.kind === "none") return null;
  const given = headers.get(v.header);
  if (!given) return `The ${v.header} header is missing`;
  if (v.kind === "token") return same(given, secret) ? null : `The ${v.header} header does not match`;
  const digest = createHmac("sha256", secret).update(rawBody).digest(v.encoding);
  return same(given, `${v.prefix}${digest}`) ? null : `The ${v.header} signature does not match the body`;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
