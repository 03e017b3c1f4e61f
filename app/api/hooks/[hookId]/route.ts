import { getDb } from "@/db/client";
import { handleWebhook } from "@/server/triggers/webhook/ingest";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ hookId: string }> };

// The fast path: a plain route handler (no tRPC, no session), the same code the standalone server runs.
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const { hookId } = await ctx.params;
  return handleWebhook(req, hookId, { db: getDb() });
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
