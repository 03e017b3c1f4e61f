import type { Database } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/unavailable";
import { log } from "../../log";
import { requestIdOf } from "../../ops/request-id";
import { acceptDelivery, RETRY_AFTER_UNAVAILABLE_S } from "./accept";
import { checkContentType, decompress, parseBody, readRawBody } from "./body";
import { clientAddressOf, sourceKeyOf } from "../../http/client-address";
import { deliveryIdOf } from "./delivery-id";
import { findEndpoint, type LiveEndpoint } from "./endpoint";
import { countFailedVerification, refuseRepeatedFailures } from "./failed-verifications";
import { HookHttpError } from "./http-error";
import { takeToken } from "./rate-limit";
import { awaitReply, jsonResponse } from "./respond";
import { activeSecrets } from "./secrets";
import { secretHeaders, VerificationError, verifyDelivery } from "./verify";

export type IngestDeps = { db: Database; now?: () => number };

const NO_BODY = new Set(["GET", "HEAD"]);
// Never copied into a run: they carry credentials, not data the workflow needs.
const ALWAYS_REDACTED = ["authorization", "cookie", "proxy-authorization"];

/**
 * POST /api/hooks/:hookId, framework-free (the Next.js route and the standalone server both call it).
 * Cheap refusals first (404, 405, 429, 415, 413), then the signature over the raw bytes (401), then parsing,
 * and a 2xx once the delivery's outbox row and run row have committed in Postgres (accept.ts): Temporal is not
 * waited on, the worker's outbox relay starts the run (outbox-relay.ts); a sync hook's caller alone waits for the
 * run, since it asked for its reply. Which bucket a delivery is counted in depends on
 * whether it can be verified: a hook without verification counts every delivery in its own bucket up front; a
 * verified hook counts failed verifications per source address (so junk cannot starve the real sender) and
 * only verified deliveries in its own bucket.
 */
export async function handleWebhook(req: Request, hookId: string, deps: IngestDeps): Promise<Response> {
  const requestId = requestIdOf(req);
  const started = performance.now();
  let status = 500;
  let runId: string | undefined;
  try {
    const res = await ingest(req, hookId, deps, (id) => (runId = id));
    status = res.status;
    return res;
  } catch (err) {
    if (err instanceof HookHttpError) {
      status = err.status;
      return jsonResponse(err.status, { error: err.message, requestId }, err.headers);
    }
    log.error({ err, requestId, hook: hookId.slice(0, 6) }, "webhook ingest failed");
    // Postgres unreachable (looking up the hook, say): an outage that will pass, so the sender is asked to retry.
    if (isDatabaseUnavailable(err)) {
      status = 503;
      return jsonResponse(503, { error: "Runs cannot be accepted right now; retry later", requestId }, { "retry-after": String(RETRY_AFTER_UNAVAILABLE_S) });
    }
    return jsonResponse(500, { error: `Something went wrong on our side (request ${requestId}); retry later`, requestId });
  } finally {
    // The hook id is a capability (for unverified hooks, the only one): only its first characters are logged.
    log.info({ requestId, route: "hooks", method: req.method, hook: hookId.slice(0, 6), status, runId, ms: Math.round(performance.now() - started) }, "webhook");
  }
}

async function ingest(req: Request, hookId: string, deps: IngestDeps, onRun: (runId: string) => void): Promise<Response> {
  const now = deps.now?.() ?? Date.now();
  const ep = await findEndpoint(deps.db, hookId, now);
  if (!ep) throw new HookHttpError(404, "No active webhook at this address");
  const method = req.method.toUpperCase();
  if (!ep.methods.has(method)) throw new HookHttpError(405, `This hook accepts ${[...ep.methods].join(", ")}`, { allow: [...ep.methods].join(", ") });
  const verified = ep.verification.preset !== "none";
  const source = sourceKeyOf(clientAddressOf(req));
  if (verified) refuseRepeatedFailures(ep.endpointId, source, now);
  else takeToken(ep.endpointId, ep.limits.ratePerSecond, ep.limits.burst, now);
  const hasBody = !NO_BODY.has(method);
  if (hasBody) checkContentType(ep.bodyType, req.headers);
  // The size limit applies before any signature work, so one delivery's HMAC cost is bounded.
  const raw = hasBody ? await readRawBody(req, ep.limits.maxBodyBytes) : Buffer.alloc(0);
  try {
    verifyDelivery(ep.verification, { raw, headers: req.headers, secrets: activeSecrets(ep.secrets, ep.previousSecretExpiresAt, now), nowMs: now });
  } catch (err) {
    if (!(err instanceof VerificationError)) throw err;
    countFailedVerification(ep.endpointId, source, now);
    throw new HookHttpError(401, `Verification failed: ${err.message}`);
  }
  if (verified) takeToken(ep.endpointId, ep.limits.ratePerSecond, ep.limits.burst, now);
  const body = parseBody(ep.bodyType, decompress(raw, req.headers.get("content-encoding"), ep.limits.maxDecompressedBytes), req.headers.get("content-type"));
  const delivery = deliveryIdOf(ep.verification.preset, req.headers, body);
  const trigger = triggerData(req, ep, body, delivery.id, now);
  const { runId, duplicate, started } = await acceptDelivery(deps.db, ep, delivery.id, trigger);
  onRun(runId);
  if (ep.mode === "sync") {
    const reply = (await started) ? await awaitReply(deps.db, ep, runId) : null;
    if (reply) return reply;
  }
  return jsonResponse(202, { runId, ...(duplicate ? { duplicate: true } : {}) }, { "x-junction-run-id": runId });
}

/** What the run sees as `trigger`: the request, minus anything that is a credential. */
function triggerData(req: Request, ep: LiveEndpoint, body: unknown, deliveryId: string, now: number) {
  const url = new URL(req.url);
  const hidden = new Set([...ALWAYS_REDACTED, ...secretHeaders(ep.verification)]);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k] = hidden.has(k) ? "[redacted]" : v));
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const ip = clientAddressOf(req);
  return { kind: "webhook", deliveryId, method: req.method.toUpperCase(), path: url.pathname, headers, query, body, ip, receivedAt: new Date(now).toISOString() };
}
