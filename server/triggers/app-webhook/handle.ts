import type { Database } from "../../../db/client";
import { log } from "../../log";
import { withAccessLog } from "../../ops/access-log";
import { MAX_DELIVERY_BYTES, receiveAppWebhook } from "./receive";

/**
 * POST /api/hooks/app/:hookId, framework-free: the Next.js route and the edge (server/edge) both call it.
 * Deliveries to an integration's webhook trigger (the URL its subscribe registered with the third party).
 */
export const handleAppWebhook = withAccessLog("app-webhook", async (req: Request, ctx: { hookId: string; db: Database }, requestId: string) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_DELIVERY_BYTES) return Response.json({ error: `Deliveries are limited to ${MAX_DELIVERY_BYTES} bytes.` }, { status: 413 });
  try {
    const body = Buffer.from(await req.arrayBuffer());
    const answer = await receiveAppWebhook(ctx.db, ctx.hookId, { method: req.method, headers: req.headers, url: new URL(req.url), body });
    return Response.json(answer.body, { status: answer.status });
  } catch (error) {
    // The body may hold personal data: log the error only.
    log.error({ err: error, requestId }, "app webhook delivery failed");
    return Response.json({ error: `The delivery could not be accepted (request ${requestId}); send it again.` }, { status: 503 });
  }
});
