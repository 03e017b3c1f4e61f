import { currentUser } from "@/server/auth";
import { env } from "@/server/env";
import { registry } from "@/server/metrics";
import { metricsRefusal } from "@/server/ops/metrics-access";

export const dynamic = "force-dynamic";

// Closed unless METRICS_PUBLIC=1: a METRICS_TOKEN bearer or a platform admin's session (server/ops/metrics-access.ts).
export async function GET(req: Request) {
  const { METRICS_TOKEN, METRICS_PUBLIC } = env();
  const refused = await metricsRefusal(req, { token: METRICS_TOKEN, public: METRICS_PUBLIC }, currentUser);
  if (refused) return refused;
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
