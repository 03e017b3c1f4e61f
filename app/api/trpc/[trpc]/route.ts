import { handleTrpc } from "@/server/api/handler";
import { currentUserId } from "@/server/auth";
import { withAccessLog } from "@/server/ops/access-log";

export const dynamic = "force-dynamic";

// Body and depth limits, then the tRPC fetch adapter (server/api/handler.ts); `next dev` and the edge's proxy both come here.
const handler = withAccessLog("trpc", (req, _ctx: unknown, requestId) => handleTrpc(req, { requestId, userId: currentUserId }));

export { handler as GET, handler as POST };
