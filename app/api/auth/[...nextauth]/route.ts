import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { answeringWaitsWith429 } from "@/server/auth/sign-in-answer";
import { reachedOverHttps } from "@/server/http/client-address";
import { withAccessLog } from "@/server/ops/access-log";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (cached inside authOptions) so `next build` never needs the runtime environment.
const handler = withAccessLog("auth", (req, ctx: RouteContext) =>
  answeringWaitsWith429(() => NextAuth(authOptions(reachedOverHttps(req)))(req, ctx) as Promise<Response>),
);

export { handler as GET, handler as POST };
