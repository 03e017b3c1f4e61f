import { getDb } from "@/db/client";
import { currentUserId } from "@/server/auth";
import { DomainError } from "@/server/errors";
import { log } from "@/server/log";
import { withAccessLog } from "@/server/ops/access-log";
import { stepValueFile } from "@/server/runs/download";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ runId: string; stepId: string; field: string }> };

const STATUS = { UNAUTHORIZED: 401, NOT_FOUND: 404 } as Record<string, number>;

/**
 * A step's input, output, error or logs, whole, as a JSON file: the run view's "Download whole value" link for
 * values it shows cut. Session-authenticated; the work is in server/runs/download.ts.
 */
export const GET = withAccessLog("run-step-value", async (_req: Request, { params }: Params, requestId: string) => {
  const { runId, stepId, field } = await params;
  try {
    const file = await stepValueFile(getDb(), await currentUserId(), runId, stepId, field);
    return new Response(file.text, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return Response.json({ error: error.message }, { status: STATUS[error.code] ?? 400 });
    log.error({ err: error, requestId }, "step value download failed");
    return Response.json({ error: `Something went wrong on our side (request ${requestId}).` }, { status: 500 });
  }
});
