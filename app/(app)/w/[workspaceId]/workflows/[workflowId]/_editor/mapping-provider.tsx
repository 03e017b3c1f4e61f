"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { MappingContext, type MappingContextValue } from "@/app/_components/mapping/mapping-context";
import { mappingView, parsedGraph, type Sample } from "@/app/_lib/mapping/sources";
import { useTRPC } from "@/app/_trpc/react";
import { builtinCatalog, type ActionCatalog, type ActionRef } from "@/workflows/actions/catalog";
import { nodeReferenceIssues } from "@/workflows/graph/references";
import { useLatestSample } from "./use-latest-sample";

type Props = {
  /** The draft as the editor holds it (null while its JSON does not parse). */
  doc: { nodes?: unknown; edges?: unknown } | null;
  nodeId: string | null;
  workspaceId: string;
  workflowId: string;
  /** The sample to map against; by default the workflow's latest run (named test fixtures can take its place). */
  sample?: Sample | null;
  children: ReactNode;
};

/** Gives the selected step's form its mapping: sources for the picker, the sample for previews, reference problems. */
export function MappingProvider({ doc, nodeId, workspaceId, workflowId, sample: given, children }: Props) {
  const trpc = useTRPC();
  const entries = useQuery(trpc.integration.catalog.queryOptions({ workspaceId })).data;
  const latest = useLatestSample(workspaceId, workflowId);
  const sample = given === undefined ? latest.sample : given;
  // The output schemas the server checks references against, from the same manifests (the catalog query).
  const catalog = useMemo<ActionCatalog>(() => {
    const find = (ref: ActionRef) => entries?.find((e) => e.slug === ref.integration && e.version === ref.version);
    return Object.assign((ref: ActionRef) => {
      const action = builtinCatalog(ref) ? undefined : find(ref)?.actions.find((a) => a.key === ref.key);
      return builtinCatalog(ref) ?? (action ? { requiredInputs: [], description: action.description, inputSchema: action.input, outputSchema: action.output } : undefined);
    }, {
      triggerOutput: (ref: ActionRef) => find(ref)?.triggers.find((t) => t.key === ref.key)?.output,
      triggerInput: (ref: ActionRef) => find(ref)?.triggers.find((t) => t.key === ref.key)?.input,
    });
  }, [entries]);
  const graph = useMemo(() => parsedGraph(doc), [doc]);
  const value = useMemo<MappingContextValue | null>(() => {
    const node = nodeId ? graph.nodes.find((n) => n.id === nodeId) : undefined;
    if (!node) return null;
    const view = mappingView(graph, node.id, catalog, sample);
    const problems = new Map<string, string>();
    for (const i of nodeReferenceIssues(view.references, node)) if (!problems.has(i.field)) problems.set(i.field, i.message);
    return { view, sample, loadingSample: given === undefined && latest.loading, problems };
  }, [graph, nodeId, catalog, sample, given, latest.loading]);
  return <MappingContext.Provider value={value}>{children}</MappingContext.Provider>;
}
