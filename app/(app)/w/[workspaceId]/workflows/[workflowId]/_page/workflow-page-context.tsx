"use client";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { RouterOutputs } from "@/app/_lib/types";
import { useTRPC } from "@/app/_trpc/react";

type Workflow = RouterOutputs["workflow"]["get"];
type Value = {
  workflow: Workflow;
  /** The editor's JSON differs from the saved draft: Run and Publish warn that they use the saved one. */
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  /** The nodes selected in the editor; the publish dialog's problems list selects the node a problem names. */
  selection: string[];
  setSelection: (ids: string[]) => void;
};

const Ctx = createContext<Value | null>(null);

/**
 * A copy of the workflow loaded this recently is not fetched again when the page mounts: opening the editor
 * fetched the whole draft twice (the server's render, then this query at once), and the second answer
 * re-rendered the editor while it was starting (bench/editor-open.ts).
 */
const FRESH_ON_MOUNT_MS = 10_000;

/** The workflow (kept fresh after saves and publishes) and editor state the header's dialogs need to know. */
export function WorkflowPageProvider({ initial, loadedAt, children }: { initial: Workflow; loadedAt: number; children: ReactNode }) {
  const trpc = useTRPC();
  // The server's copy may come from a prefetch or the router's cache, made before a rename or save: it is checked on
  // mount unless it was loaded moments ago (by the server's clock; a browser clock behind it counts it as loaded now).
  // staleTime 0: focusing the tab again checks it too (another tab or member may have saved).
  const { data = initial } = useQuery({
    ...trpc.workflow.get.queryOptions({ workspaceId: initial.workspaceId, workflowId: initial.id }),
    initialData: initial,
    initialDataUpdatedAt: () => Math.min(loadedAt, Date.now()),
    staleTime: 0,
    // An invalidated copy (a rename or other change made on another page) is fetched however recent it is.
    refetchOnMount: (query) => query.state.isInvalidated || Date.now() - query.state.dataUpdatedAt > FRESH_ON_MOUNT_MS,
  });
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<string[]>([]);
  const value = useMemo(() => ({ workflow: data, dirty, setDirty, selection, setSelection }), [data, dirty, selection]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useWorkflowPage(): Value {
  const v = useContext(Ctx);
  if (!v) throw new Error("useWorkflowPage() needs the workflow layout's WorkflowPageProvider");
  return v;
}
