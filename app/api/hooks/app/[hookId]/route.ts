import { getDb } from "../../../../../db/client";
import { MAX_DELIVERY_BYTES, receiveAppWebhook } from "../../../../../server/triggers/app-webhook/receive";
import { log } from "../../../../../server/log";
import { withAccessLog } from "../../../../../server/ops/access-log";

export const dynamic = "force-dynamic";

/** Deliveries to an integration's webhook trigger (the URL its subscribe registered with the third party). */
export const POST = withAccessLog("app-webhook", async (req: Request, ctx: { params: Promise<{ hookId: string }> }, requestId: string) => {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_DELIVERY_BYTES) return Response.json({ error: `Deliveries are limited to ${MAX_DELIVERY_BYTES} bytes.` }, { status: 413 });
  try {
    const { hookId } = await ctx.params;
    const body = Buffer.from(await req.arrayBuffer());
    const answer = await receiveAppWebhook(getDb(), hookId, { method: req.method, headers: req.headers, url: new URL(req.url), body });
    return Response.json(answer.body, { status: answer.status });
  } catch (error) {
    // The body may hold personal data: log the error only.
    log.error({ err: error, requestId }, "app webhook delivery failed");
    return Response.json({ error: `The delivery could not be accepted (request ${requestId}); send it again.` }, { status: 503 });
  }
});
