"use client";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { IssuesByNode } from "../../../../_lib/graph-issues";
import type { StepState } from "../_runs/status-badge";
import { layoutGraph, NODE_HEIGHT } from "./graph-layout";
import { StepNode, type StepFlowNode } from "./graph-node";
import type { LooseGraph } from "./loose-graph";

const nodeTypes = { step: StepNode };

// Below this zoom node names are hard to read.
const LEGIBLE_ZOOM = 0.65;

/**
 * Readable first: a graph too long to fit legibly opens at a legible zoom with its start (the trigger, on the
 * left) in view, centred vertically; pan, zoom or "fit view" show the rest.
 */
function readableStart(flow: ReactFlowInstance<StepFlowNode, Edge>) {
  void flow.fitView({ padding: 0.15, maxZoom: 1.1 }).then(() => {
    if (flow.getZoom() >= LEGIBLE_ZOOM) return;
    const nodes = flow.getNodes();
    const minX = Math.min(...nodes.map((n) => n.position.x));
    const ys = nodes.map((n) => n.position.y);
    const { y } = flow.getViewport();
    const midY = (Math.min(...ys) + Math.max(...ys) + NODE_HEIGHT) / 2;
    // Keep the vertical centre fitView chose, re-expressed at the new zoom.
    const centreScreenY = y + midY * flow.getZoom();
    void flow.setViewport({ x: 24 - minX * LEGIBLE_ZOOM, y: centreScreenY - midY * LEGIBLE_ZOOM, zoom: LEGIBLE_ZOOM });
  });
}

type Props = {
  graph: LooseGraph;
  issues?: IssuesByNode;
  states?: Map<string, StepState>;
  /** A finished run: nodes it never reached are dimmed, so the path it took stands out. */
  dimUnreached?: boolean;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  label: string;
  className?: string;
};

/**
 * The workflow drawn read-only with React Flow. Positions come from the graph when every node has one (a
 * future visual editor saves them), else from the auto layout. Handles other than "out" label their edges.
 */
export function GraphCanvas({ graph, issues, states, dimUnreached, selectedId, onSelect, label, className = "h-[420px]" }: Props) {
  const positions = useMemo(() => {
    if (graph.nodes.length > 0 && graph.nodes.every((n) => n.position)) return new Map(graph.nodes.map((n) => [n.id, n.position!]));
    return layoutGraph(graph.nodes, graph.edges);
  }, [graph]);
  const nodes = useMemo<StepFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: "step",
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        data: { node: n, issues: issues?.get(n.id) ?? [], state: states?.get(n.id), unreached: Boolean(dimUnreached && !states?.has(n.id)), selected: selectedId === n.id },
        selected: selectedId === n.id,
      })),
    [graph, positions, issues, states, dimUnreached, selectedId],
  );
  const known = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges
        .filter((e) => known.has(e.source) && known.has(e.target))
        .map((e) => ({
          id: e.id,
          source: e.source,
          target: e.target,
          label: e.handle === "out" ? undefined : e.handle,
          labelBgPadding: [4, 2] as [number, number],
          markerEnd: { type: MarkerType.ArrowClosed },
          style: e.handle === "error" ? { stroke: "#ef4444", strokeDasharray: "4 3" } : undefined,
          animated: states?.get(e.source) === "running",
        })),
    [graph, known, states],
  );
  return (
    <section aria-label={label} data-testid="graph-canvas" className={`overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40 ${className}`}>
      {graph.nodes.length === 0 ? (
        <div className="flex h-full items-center justify-center p-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
          Nothing to draw yet: the graph has no nodes.
        </div>
      ) : (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onNodeClick={(_, n) => onSelect?.(n.id)}
          onPaneClick={() => onSelect?.(null)}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          onInit={readableStart}
          minZoom={0.2}
          colorMode="system"
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
      )}
    </section>
  );
}
