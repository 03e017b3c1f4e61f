"use client";
import { Background, Controls, MarkerType, Panel, ReactFlow, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import type { IssuesByNode, NodeIssue } from "@/app/_lib/graph-issues";
import type { StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { CanvasReadyMark } from "./canvas-ready-mark";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type Point } from "./graph-layout";
import { StepNode, type StepFlowNode } from "./graph-node";
import type { LooseGraph } from "./loose-graph";
import { StepEdge, type StepFlowEdge } from "./step-edge";

const nodeTypes = { step: StepNode };
const edgeTypes = { step: StepEdge };
/** What a palette entry is dragged as (its key); see the editor's palette. */
export const STEP_DRAG_TYPE = "application/x-junction-step";

// One empty list for every step without problems: a fresh [] per render made every flow node look changed, so
// React Flow re-rendered all of them on each keystroke and drag frame (bench/editor-drag.ts).
const NO_ISSUES: NodeIssue[] = [];

// Past this many steps only what is in view is drawn: at 1,000 steps measuring every edge label (getBBox) was the
// largest part of opening the editor, and every drag frame laid out and painted all of it (bench/editor-open.ts,
// bench/editor-drag.ts). Smaller graphs draw everything, so every node stays in the tab order.
const CULL_ABOVE = 100;

// Below this zoom node names are hard to read.
const LEGIBLE_ZOOM = 0.65;

/**
 * Readable first: a graph too long to fit legibly opens at a legible zoom with its start (the trigger, on the
 * left) in view, centred vertically; pan, zoom or "fit view" show the rest.
 */
function readableStart(flow: ReactFlowInstance<StepFlowNode, StepFlowEdge>) {
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
  /** How long each node's step took (the editor's test results), shown on the node beside its state. */
  durations?: Map<string, number>;
  /** A finished run: nodes it never reached are dimmed, so the path it took stands out. */
  dimUnreached?: boolean;
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
  /** Editing: several steps selected (click with Shift/Ctrl/Cmd, or drag a box with Shift), reported as a whole. */
  selectedIds?: ReadonlySet<string>;
  onSelectionChange?: (ids: string[]) => void;
  /** Editing: steps can be dragged; called once per drag, with the position of every step (so a graph laid out automatically gets its positions). */
  onMove?: (positions: Map<string, Point>) => void;
  /** Editing: a new value fits the view to the graph (the "fit view" shortcut). */
  fitViewSignal?: number;
  /** Editing: a palette entry (its key) dropped on the canvas, with where its top-left corner lands. */
  onDropStep?: (key: string, at: Point) => void;
  /** Editing: shown over an empty canvas (what to do first). */
  emptyHint?: ReactNode;
  label: string;
  className?: string;
};

/**
 * The workflow drawn with React Flow: read-only in the run view, and in the editor with selection and dragging
 * (every change reported to the editor, which owns the draft). Positions come from the graph when every node has
 * one, else from the auto layout. Handles other than "out" label their edges.
 */
export function GraphCanvas({ graph, issues, states, durations, dimUnreached, selectedId, onSelect, selectedIds, onSelectionChange, onMove, fitViewSignal, onDropStep, emptyHint, label, className = "h-[420px]" }: Props) {
  const positions = useMemo(() => {
    if (graph.nodes.length > 0 && graph.nodes.every((n) => n.position)) return new Map(graph.nodes.map((n) => [n.id, n.position!]));
    return layoutGraph(graph.nodes, graph.edges);
  }, [graph]);
  // Where steps are while a drag is under way; the editor hears of it once, when the drag ends.
  const [dragging, setDragging] = useState<Map<string, Point>>(() => new Map());
  const isSelected = (id: string) => (selectedIds ? selectedIds.has(id) : selectedId === id);
  // Flow nodes are reused while their step, position and marks are unchanged, so React Flow re-renders only changed steps.
  const previous = useRef(new Map<string, StepFlowNode>());
  const nodes = useMemo<StepFlowNode[]>(() => {
    const next = new Map<string, StepFlowNode>();
    const list = graph.nodes.map((n) => {
      const position = dragging.get(n.id) ?? positions.get(n.id) ?? { x: 0, y: 0 };
      const selected = selectedIds ? selectedIds.has(n.id) : selectedId === n.id;
      const data = { node: n, issues: issues?.get(n.id) ?? NO_ISSUES, state: states?.get(n.id), durationMs: durations?.get(n.id), unreached: Boolean(dimUnreached && !states?.has(n.id)), selected };
      const old = previous.current.get(n.id);
      const same =
        old && old.data.node === n && old.position.x === position.x && old.position.y === position.y && old.selected === selected && old.data.issues === data.issues && old.data.state === data.state && old.data.durationMs === data.durationMs && old.data.unreached === data.unreached;
      const flow: StepFlowNode = same ? old : { id: n.id, type: "step", position, data, selected };
      next.set(n.id, flow);
      return flow;
    });
    previous.current = next;
    return list;
  }, [graph, positions, dragging, issues, states, durations, dimUnreached, selectedId, selectedIds]);
  const flowRef = useRef<ReactFlowInstance<StepFlowNode, StepFlowEdge> | null>(null);
  useEffect(() => {
    if (fitViewSignal) void flowRef.current?.fitView({ padding: 0.15, maxZoom: 1.1, duration: 200 });
  }, [fitViewSignal]);

  const onNodesChange = (changes: NodeChange<StepFlowNode>[]) => {
    let selection: Set<string> | null = null;
    let moved: Map<string, Point> | null = null;
    for (const c of changes) {
      if (c.type === "select" && onSelectionChange) {
        selection ??= new Set(graph.nodes.filter((n) => isSelected(n.id)).map((n) => n.id));
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      } else if (c.type === "position" && c.position && c.dragging && onMove) {
        (moved ??= new Map(dragging)).set(c.id, c.position);
      }
    }
    if (selection) onSelectionChange!(graph.nodes.filter((n) => selection!.has(n.id)).map((n) => n.id));
    if (moved) setDragging(moved);
  };
  const onNodeDragStop = () => {
    if (!onMove || dragging.size === 0) return;
    onMove(new Map([...positions, ...dragging]));
    setDragging(new Map());
  };
  const known = useMemo(() => new Set(graph.nodes.map((n) => n.id)), [graph]);
  const onDragOver = (e: DragEvent) => {
    if (!onDropStep || !e.dataTransfer.types.includes(STEP_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (e: DragEvent) => {
    const key = e.dataTransfer.getData(STEP_DRAG_TYPE);
    const flow = flowRef.current;
    if (!onDropStep || !key || !flow) return;
    e.preventDefault();
    // Where it was released is the step's centre.
    const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    onDropStep(key, { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 });
  };
  // Flow edges are reused while unchanged too: every edit re-reads the graph, and new edge objects would redraw every edge.
  const previousEdges = useRef(new Map<string, StepFlowEdge>());
  const edges = useMemo<StepFlowEdge[]>(() => {
    const next = new Map<string, StepFlowEdge>();
    const list = graph.edges
      .filter((e) => known.has(e.source) && known.has(e.target))
      .map((e) => {
        const label = e.handle === "out" ? undefined : e.handle;
        const animated = states?.get(e.source) === "running";
        const old = previousEdges.current.get(e.id);
        const flow: StepFlowEdge =
          old && old.source === e.source && old.target === e.target && old.label === label && old.animated === animated
            ? old
            : {
                id: e.id,
                type: "step" as const,
                source: e.source,
                target: e.target,
                label,
                data: { handleLabel: label },
                labelBgPadding: [4, 2] as [number, number],
                markerEnd: { type: MarkerType.ArrowClosed },
                style: e.handle === "error" ? { stroke: "#ef4444", strokeDasharray: "4 3" } : undefined,
                animated,
              };
        next.set(e.id, flow);
        return flow;
      });
    previousEdges.current = next;
    return list;
  }, [graph, known, states]);
  return (
    <section aria-label={label} data-testid="graph-canvas" className={`overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40 ${className}`}>
      {graph.nodes.length === 0 && !onDropStep ? (
        <div className="flex h-full items-center justify-center p-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
          Nothing to draw yet: the graph has no nodes.
        </div>
      ) : (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onDragOver={onDragOver}
          onDrop={onDrop}
          onlyRenderVisibleElements={graph.nodes.length > CULL_ABOVE}
          nodesDraggable={Boolean(onMove)}
          nodesConnectable={false}
          edgesFocusable={false}
          // The editor handles Delete itself (through its undo history), and selection through onNodesChange.
          deleteKeyCode={null}
          onNodesChange={onSelectionChange || onMove ? onNodesChange : undefined}
          onNodeDragStop={onNodeDragStop}
          selectionKeyCode={onSelectionChange ? "Shift" : null}
          multiSelectionKeyCode={onSelectionChange ? ["Meta", "Control", "Shift"] : null}
          onNodeClick={onSelectionChange ? undefined : (_, n) => onSelect?.(n.id)}
          onPaneClick={onSelectionChange ? () => onSelectionChange([]) : () => onSelect?.(null)}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
          onInit={(flow) => {
            flowRef.current = flow;
            readableStart(flow);
          }}
          minZoom={0.2}
          colorMode="system"
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
          {graph.nodes.length === 0 && emptyHint && (
            <Panel position="top-center" className="mt-16 max-w-sm rounded-lg border border-dashed border-zinc-300 bg-white/90 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900/90 dark:text-zinc-300">
              {emptyHint}
            </Panel>
          )}
          {onSelectionChange && <CanvasReadyMark />}
        </ReactFlow>
      )}
    </section>
  );
}
