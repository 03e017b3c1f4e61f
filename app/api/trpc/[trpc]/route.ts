import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { contextForUser } from "../../../../server/api/context";
import { appRouter } from "../../../../server/api/root";
import { currentUserId } from "../../../../server/auth";
import { withAccessLog } from "../../../../server/ops/access-log";

export const dynamic = "force-dynamic";

const handler = withAccessLog("trpc", (req, _ctx: unknown, requestId) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => contextForUser(await currentUserId(), requestId),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  }),
);

export { handler as GET, handler as POST };
