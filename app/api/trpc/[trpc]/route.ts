import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../../../../server/api/root";
import { contextForUser } from "../../../../server/api/context";
import { currentUserId } from "../../../../server/auth";
import { requestIdOf } from "../../../../server/ops/request-id";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  const requestId = requestIdOf(req);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => contextForUser(await currentUserId(), requestId),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}

export { handler as GET, handler as POST };
