import NextAuth from "next-auth";
import { authOptions } from "../../../../server/auth";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per call (cached inside authOptions) so `next build` never needs the runtime environment.
function handler(req: Request, ctx: RouteContext) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
