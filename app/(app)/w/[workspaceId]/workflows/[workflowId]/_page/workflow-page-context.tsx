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

/** The workflow (kept fresh after saves and publishes) and editor state the header's dialogs need to know. */
export function WorkflowPageProvider({ initial, children }: { initial: Workflow; children: ReactNode }) {
  const trpc = useTRPC();
  // staleTime 0: the server's copy may come from a prefetch made before a rename or save, so check it on mount.
  const { data = initial } = useQuery({ ...trpc.workflow.get.queryOptions({ workspaceId: initial.workspaceId, workflowId: initial.id }), initialData: initial, staleTime: 0 });
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
