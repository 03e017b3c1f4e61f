import { randomUUID } from "node:crypto";
import type { VerificationPreset } from "../../../workflows/graph";

const SANE = /^[\x21-\x7e]{1,200}$/;
const PROVIDER_HEADER: Partial<Record<VerificationPreset, string>> = { github: "x-github-delivery", standard_webhooks: "webhook-id" };

function fromBody(preset: VerificationPreset, body: unknown): unknown {
  if (typeof body !== "object" || body === null) return undefined;
  if (preset === "stripe") return (body as { id?: unknown }).id; // evt_…, the same on every retry of an event
  if (preset === "slack") return (body as { event_id?: unknown }).event_id;
  return undefined;
}

/**
 * The id that makes a delivery idempotent: the provider's delivery id (header, or the event id in a verified body),
 * else the caller's Idempotency-Key, else a fresh one (every such request is a new run).
 */
export function deliveryIdOf(preset: VerificationPreset, headers: Headers, body: unknown): { id: string; given: boolean } {
  const header = PROVIDER_HEADER[preset];
  for (const v of [header ? headers.get(header) : null, fromBody(preset, body), headers.get("idempotency-key")]) {
    if (typeof v === "string" && SANE.test(v)) return { id: v, given: true };
  }
  return { id: randomUUID(), given: false };
}
