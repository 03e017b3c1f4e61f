import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentUserId } from "@/server/auth";
import { completeOAuth, OAuthCallbackError } from "@/server/connections/oauth/callback";
import { log } from "@/server/log";
import { withAccessLog } from "@/server/ops/access-log";

export const dynamic = "force-dynamic";

/**
 * Where OAuth2 providers send the user back. The work is in server/connections/oauth/callback.ts; this only
 * reads the session and turns the outcome into a redirect that the Connections page shows as a message.
 */
export const GET = withAccessLog("oauth-callback", async (req: Request, _ctx: unknown, requestId: string) => {
  const url = new URL(req.url);
  const back = (workspaceId: string | undefined, params: Record<string, string>) => {
    const target = new URL(workspaceId ? `/w/${workspaceId}/connections` : "/", process.env.NEXTAUTH_URL ?? url);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    return NextResponse.redirect(target, 303);
  };
  try {
    const done = await completeOAuth(getDb(), await currentUserId(), url.searchParams);
    return back(done.workspaceId, { connected: done.connectionId });
  } catch (error) {
    if (error instanceof OAuthCallbackError) return back(error.workspaceId, { oauthError: error.message });
    // The query string holds the code: log the error only.
    log.error({ err: error, requestId }, "oauth callback failed");
    return back(undefined, { oauthError: `Something went wrong on our side (request ${requestId}). Start connecting again.` });
  }
});
