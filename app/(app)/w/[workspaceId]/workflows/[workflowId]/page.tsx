import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { Badge } from "../../../../../_components/badge";
import { ArrowLeftIcon } from "../../../../../_components/icons";
import { RelativeTime } from "../../../../../_components/relative-time";
import { orNotFound } from "../../../../_server/not-found-on";
import { serverCaller } from "../../../../_server/session";
import { CanvasPlaceholder } from "./canvas-placeholder";

type Params = Promise<{ workspaceId: string; workflowId: string }>;

// cache(): generateMetadata and the page share one query per request.
const getWorkflow = cache(async (workspaceId: string, workflowId: string) => {
  const caller = await serverCaller();
  return orNotFound(() => caller.workflow.get({ workspaceId, workflowId }));
});

async function load(params: Params) {
  const { workspaceId, workflowId } = await params;
  return getWorkflow(workspaceId, workflowId);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  try {
    return { title: (await load(params)).name };
  } catch {
    return { title: "Workflow" };
  }
}

/** The workflow's home. The editor (canvas, steps, runs) arrives with the execution engine. */
export default async function WorkflowPage({ params }: { params: Params }) {
  const workflow = await load(params);
  const { workspaceId } = await params;
  return (
    <div className="space-y-6">
      <Link href={`/w/${workspaceId}`} className="inline-flex items-center gap-1.5 rounded text-sm text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100">
        <ArrowLeftIcon className="size-4" /> All workflows
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{workflow.name}</h1>
          <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">
            <RelativeTime date={workflow.updatedAt} prefix="Updated " />
          </p>
        </div>
        {workflow.active ? (
          <Badge tone="green" dot className="self-start sm:self-center">
            Active
          </Badge>
        ) : (
          <Badge className="self-start sm:self-center">Inactive</Badge>
        )}
      </div>
      <CanvasPlaceholder />
    </div>
  );
}
