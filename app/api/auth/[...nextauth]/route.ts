import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { withAccessLog } from "@/server/ops/access-log";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (cached inside authOptions) so `next build` never needs the runtime environment.
const handler = withAccessLog("auth", (req, ctx: RouteContext) => NextAuth(authOptions())(req, ctx) as Promise<Response>);

export { handler as GET, handler as POST };
