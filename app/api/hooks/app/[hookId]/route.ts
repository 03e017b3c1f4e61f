import { getDb } from "@/db/client";
import { handleAppWebhook } from "@/server/triggers/app-webhook/handle";

export const dynamic = "force-dynamic";

// Under `npm start` the edge (server/edge) answers this path itself; this route serves `next dev`.
export async function POST(req: Request, ctx: { params: Promise<{ hookId: string }> }): Promise<Response> {
  const { hookId } = await ctx.params;
  return handleAppWebhook(req, { hookId, db: getDb() });
}
