import NextAuth from "next-auth";
import { authOptions } from "../../../../server/auth";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 reads params synchronously; Next 16 hands them over as a promise, so resolve them first.
async function handler(req: Request, ctx: RouteContext) {
  const params = await ctx.params;
  return NextAuth(authOptions())(req, { params });
}

export { handler as GET, handler as POST };
