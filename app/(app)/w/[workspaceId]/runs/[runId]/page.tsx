import type { Metadata } from "next";
import { cache } from "react";
import { orNotFound } from "@/app/(app)/_server/not-found-on";
import { serverCaller } from "@/app/(app)/_server/session";
import { shortRunId } from "@/app/(app)/w/[workspaceId]/_runs/run-labels";
import { RunView } from "./run-view";

type Params = Promise<{ workspaceId: string; runId: string }>;

const getRun = cache(async (workspaceId: string, runId: string) => {
  const caller = await serverCaller();
  return orNotFound(() => caller.run.get({ workspaceId, runId }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { workspaceId, runId } = await params;
  try {
    const run = await getRun(workspaceId, runId);
    return { title: `Run ${shortRunId(run.id)} · ${run.workflowName}` };
  } catch {
    return { title: "Run" };
  }
}

/** One run, live: the server renders it as it is now, then the browser polls until it finishes. */
export default async function RunPage({ params }: { params: Params }) {
  const { workspaceId, runId } = await params;
  return <RunView initial={await getRun(workspaceId, runId)} />;
}
