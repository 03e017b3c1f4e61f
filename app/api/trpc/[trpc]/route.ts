import { handleTrpc } from "@/server/api/handler";
import { currentUser } from "@/server/auth";
import { env } from "@/server/env";
import { withAccessLog } from "@/server/ops/access-log";

export const dynamic = "force-dynamic";

// Cross-site mutations refused, body and depth limits, then the tRPC fetch adapter (server/api/handler.ts); `next dev` and the edge's proxy both come here.
const handler = withAccessLog("trpc", (req, _ctx: unknown, requestId) => handleTrpc(req, { requestId, signedIn: currentUser, publicUrls: [env().NEXTAUTH_URL, env().JUNCTION_PUBLIC_URL] }));

export { handler as GET, handler as POST };
