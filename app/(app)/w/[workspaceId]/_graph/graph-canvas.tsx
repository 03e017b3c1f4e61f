"use client";
import { Background, ControlButton, Controls, MarkerType, MiniMap, Panel, ReactFlow, type EdgeChange, type Node, type NodeChange, type ReactFlowInstance } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode, type RefObject } from "react";
import type { NotePatch } from "@/app/_lib/graph-edit/notes";
import type { IssuesByNode, NodeIssue } from "@/app/_lib/graph-issues";
import type { StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { offeredExits } from "@/workflows/graph/handles";
import { ConnectionStatus, useConnectionRules, type ConnectRequest } from "./graph-connect";
import { EdgeActions, StepEdge, type StepFlowEdge } from "./graph-edge";
import { CanvasReadyMark } from "./canvas-ready-mark";
import { freeSpot } from "./free-spot";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, type Point } from "./graph-layout";
import { initialHandles, nodeHeight, StepNode, type StepFlowNode } from "./graph-node";
import type { LooseGraph, LooseNode } from "./loose-graph";
import { NOTE_DEFAULT_SIZE, NOTE_PREFIX, NoteActions, NoteNode, type NoteFlowNode } from "./note-node";

const nodeTypes = { step: StepNode, note: NoteNode };
const edgeTypes = { step: StepEdge };
/** What a palette entry is dragged as (its key); see the editor's palette. */
export const STEP_DRAG_TYPE = "application/x-junction-step";
type FlowNode = StepFlowNode | NoteFlowNode;

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
function readableStart(flow: ReactFlowInstance<FlowNode, StepFlowEdge>) {
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
  /** Editing: connect two steps (a drag or click from an exit to a step, already checked against the rules). */
  onConnect?: (c: ConnectRequest) => void;
  /** Editing: the selected edges and sticky notes (steps are `selectedIds`), reported together. */
  selectedEdgeIds?: ReadonlySet<string>;
  selectedNoteIds?: ReadonlySet<string>;
  onExtraSelectionChange?: (edges: string[], notes: string[]) => void;
  onRemoveEdges?: (ids: string[]) => void;
  /** Editing: sticky notes moved, resized or retyped (one edit per gesture), or deleted. */
  onNotesChange?: (patches: Map<string, NotePatch>) => void;
  onRemoveNotes?: (ids: string[]) => void;
  /** Editing: a note to open for typing (a note just added); `seq` repeats the request. */
  editNote?: { id: string; seq: number } | null;
  /** Editing: set to a function giving where something new of a size goes: in the middle of the view, clear of the steps and notes there. */
  placeNew?: RefObject<((size: { width: number; height: number }) => Point) | null>;
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
export function GraphCanvas(props: Props) {
  const { graph, issues, states, durations, dimUnreached, selectedId, onSelect, selectedIds, onSelectionChange, onMove, fitViewSignal, label, className = "h-[420px]" } = props;
  const { onConnect, selectedEdgeIds, selectedNoteIds, onExtraSelectionChange, onRemoveEdges, onNotesChange, onRemoveNotes, editNote, placeNew, onDropStep, emptyHint } = props;
  const sectionRef = useRef<HTMLElement>(null);
  const connectable = Boolean(onConnect);
  const notesEditable = Boolean(onNotesChange);
  const positions = useMemo(() => {
    if (graph.nodes.length > 0 && graph.nodes.every((n) => n.position)) return new Map(graph.nodes.map((n) => [n.id, n.position!]));
    return layoutGraph(graph.nodes, graph.edges);
  }, [graph]);
  // Where steps and notes (by flow id) are while a drag is under way; the editor hears of it once, when the drag ends.
  const [dragging, setDragging] = useState<Map<string, Point>>(() => new Map());
  const [editingNote, setEditingNote] = useState<string | null>(null);
  const [editRequest, setEditRequest] = useState(editNote);
  if (editNote !== editRequest) {
    setEditRequest(editNote);
    if (editNote) setEditingNote(editNote.id);
  }
  // The minimap earns its corner on graphs bigger than the view; on small ones it would cover the last step.
  const [minimap, setMinimap] = useState(() => graph.nodes.length > MINIMAP_FROM);
  const isSelected = (id: string) => (selectedIds ? selectedIds.has(id) : selectedId === id);
  const exits = useExits(graph);
  // Flow nodes are reused while their step, position and marks are unchanged, so React Flow re-renders only changed steps.
  const previous = useRef(new Map<string, FlowNode>());
  const culled = graph.nodes.length > CULL_ABOVE;
  const nodes = useMemo<FlowNode[]>(() => {
    const next = new Map<string, FlowNode>();
    // Opening a big graph: the steps come with where their handles are, so React Flow draws only those in view (it
    // draws every node it has no handle positions for, to measure them: all 1,000, then culled them). Only the first
    // time: a step changed later is drawn and measured anew, as React Flow does for a node without them.
    const opening = culled && previous.current.size === 0;
    // Notes first: drawn beneath the steps.
    const list: FlowNode[] = graph.notes.map((note) => {
      const id = NOTE_PREFIX + note.id;
      const position = dragging.get(id) ?? note.position;
      const selected = Boolean(selectedNoteIds?.has(note.id));
      const editing = editingNote === note.id;
      const old = previous.current.get(id) as NoteFlowNode | undefined;
      const same = old && old.data.note === note && old.position.x === position.x && old.position.y === position.y && old.selected === selected && old.data.editing === editing && old.data.editable === notesEditable;
      const flow: NoteFlowNode = same
        ? old
        : {
            id,
            type: "note",
            position,
            data: { note, editable: notesEditable, editing },
            selected,
            draggable: notesEditable,
            ariaLabel: `Note: ${note.text.slice(0, 60)}`,
            // Sizes before React Flow measures the node: the minimap draws only nodes with a size.
            initialWidth: note.width ?? NOTE_DEFAULT_SIZE.width,
            initialHeight: note.height ?? NOTE_DEFAULT_SIZE.height,
          };
      next.set(id, flow);
      return flow;
    });
    for (const n of graph.nodes) {
      const position = dragging.get(n.id) ?? positions.get(n.id) ?? { x: 0, y: 0 };
      const selected = selectedIds ? selectedIds.has(n.id) : selectedId === n.id;
      const data = { node: n, issues: issues?.get(n.id) ?? NO_ISSUES, state: states?.get(n.id), durationMs: durations?.get(n.id), unreached: Boolean(dimUnreached && !states?.has(n.id)), selected, exits: exits.get(n.id)!, connectable };
      const old = previous.current.get(n.id) as StepFlowNode | undefined;
      const same =
        old &&
        old.data.node === n &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === selected &&
        old.data.issues === data.issues &&
        old.data.state === data.state &&
        old.data.durationMs === data.durationMs &&
        old.data.unreached === data.unreached &&
        old.data.exits === data.exits &&
        old.data.connectable === connectable;
      const flow: StepFlowNode = same
        ? old
        : { id: n.id, type: "step", position, data, selected, ariaLabel: `${n.kind} ${n.label ?? n.id}`, initialWidth: NODE_WIDTH, initialHeight: nodeHeight(data.exits.length), ...(opening ? { handles: initialHandles(n.kind, data.exits) } : {}) };
      next.set(n.id, flow);
      list.push(flow);
    }
    previous.current = next;
    return list;
  }, [graph, positions, dragging, issues, states, durations, dimUnreached, selectedId, selectedIds, selectedNoteIds, editingNote, notesEditable, exits, connectable, culled]);
  const flowRef = useRef<ReactFlowInstance<FlowNode, StepFlowEdge> | null>(null);
  useEffect(() => {
    if (fitViewSignal) void flowRef.current?.fitView({ padding: 0.15, maxZoom: 1.1, duration: 200 });
  }, [fitViewSignal]);

  const selectedNotes = () => new Set(graph.notes.filter((n) => selectedNoteIds?.has(n.id)).map((n) => n.id));
  const onNodesChange = (changes: NodeChange<FlowNode>[]) => {
    let selection: Set<string> | null = null;
    let notes: Set<string> | null = null;
    let moved: Map<string, Point> | null = null;
    for (const c of changes) {
      if (c.type === "select" && c.id.startsWith(NOTE_PREFIX)) {
        if (!onExtraSelectionChange) continue;
        notes ??= selectedNotes();
        if (c.selected) notes.add(c.id.slice(NOTE_PREFIX.length));
        else notes.delete(c.id.slice(NOTE_PREFIX.length));
      } else if (c.type === "select" && onSelectionChange) {
        selection ??= new Set(graph.nodes.filter((n) => isSelected(n.id)).map((n) => n.id));
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      } else if (c.type === "position" && c.position && c.dragging && (c.id.startsWith(NOTE_PREFIX) ? notesEditable : onMove)) {
        (moved ??= new Map(dragging)).set(c.id, c.position);
      }
    }
    if (selection) onSelectionChange!(graph.nodes.filter((n) => selection!.has(n.id)).map((n) => n.id));
    if (notes) onExtraSelectionChange!([...(selectedEdgeIds ?? [])], [...notes]);
    if (moved) setDragging(moved);
  };
  const onEdgesChange = (changes: EdgeChange<StepFlowEdge>[]) => {
    if (!onExtraSelectionChange) return;
    let edges: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== "select") continue;
      edges ??= new Set(selectedEdgeIds ?? []);
      if (c.selected) edges.add(c.id);
      else edges.delete(c.id);
    }
    if (edges) onExtraSelectionChange([...edges], [...selectedNotes()]);
  };
  const onNodeDragStop = () => {
    if (dragging.size === 0) return;
    const steps = new Map<string, Point>();
    const notes = new Map<string, NotePatch>();
    for (const [id, p] of dragging) {
      if (id.startsWith(NOTE_PREFIX)) notes.set(id.slice(NOTE_PREFIX.length), { position: p });
      else steps.set(id, p);
    }
    if (steps.size && onMove) onMove(new Map([...positions, ...steps]));
    if (notes.size && onNotesChange) onNotesChange(notes);
    setDragging(new Map());
  };

  const rules = useConnectionRules(graph, onConnect);
  // Flow edges are reused while unchanged too: every edit re-reads the graph, and new edge objects would redraw every edge.
  const previousEdges = useRef(new Map<string, StepFlowEdge>());
  const edges = useMemo<StepFlowEdge[]>(() => {
    const known = new Set(graph.nodes.map((n) => n.id));
    const removable = Boolean(onRemoveEdges);
    const next = new Map<string, StepFlowEdge>();
    const list = graph.edges
      .filter((e) => known.has(e.source) && known.has(e.target))
      .map((e) => {
        const exit = e.handle === "out" ? undefined : e.handle;
        const animated = states?.get(e.source) === "running";
        const selected = Boolean(selectedEdgeIds?.has(e.id));
        const old = previousEdges.current.get(e.id);
        const same = old && old.source === e.source && old.target === e.target && old.sourceHandle === e.handle && old.animated === animated && old.selected === selected && old.data?.removable === removable;
        const flow: StepFlowEdge = same
          ? old
          : {
              id: e.id,
              type: "step",
              source: e.source,
              sourceHandle: e.handle,
              target: e.target,
              data: { exit, removable, error: e.handle === "error" },
              markerEnd: { type: MarkerType.ArrowClosed },
              style: e.handle === "error" ? { stroke: "#ef4444", strokeDasharray: "4 3" } : undefined,
              animated,
              selected,
              ariaLabel: `Connection from ${e.source}${exit ? ` (${exit})` : ""} to ${e.target}`,
            };
        next.set(e.id, flow);
        return flow;
      });
    previousEdges.current = next;
    return list;
  }, [graph, states, selectedEdgeIds, onRemoveEdges]);

  // Stable for the canvas's life (the latest callbacks read through a ref), so nodes and edges never re-render for them.
  const latest = useRef({ onRemoveEdges, onNotesChange, onRemoveNotes });
  useEffect(() => {
    latest.current = { onRemoveEdges, onNotesChange, onRemoveNotes };
  });
  const edgeActions = useMemo(() => ({ remove: (id: string) => latest.current.onRemoveEdges?.([id]) }), []);
  const noteActions = useMemo(
    () => ({
      change: (id: string, patch: NotePatch) => latest.current.onNotesChange?.(new Map([[id, patch]])),
      remove: (id: string) => latest.current.onRemoveNotes?.([id]),
      edit: (id: string | null) => setEditingNote(id),
    }),
    [],
  );
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
  const clearSelection = () => {
    if (onSelectionChange) onSelectionChange([]);
    else onSelect?.(null);
    onExtraSelectionChange?.([], []);
  };
  return (
    <section ref={sectionRef} aria-label={label} data-testid="graph-canvas" className={`relative overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40 ${className}`}>
      {graph.nodes.length === 0 && graph.notes.length === 0 && !onDropStep ? (
        <div className="flex h-full items-center justify-center p-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
          Nothing to draw yet: the graph has no nodes.
        </div>
      ) : (
        <EdgeActions.Provider value={edgeActions}>
          <NoteActions.Provider value={noteActions}>
            <ReactFlow<FlowNode, StepFlowEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onDragOver={onDragOver}
              onDrop={onDrop}
              onlyRenderVisibleElements={culled}
              nodesDraggable={Boolean(onMove)}
              nodesConnectable={connectable}
              edgesFocusable={Boolean(onExtraSelectionChange)}
              elementsSelectable
              // The editor handles Delete itself (through its undo history), and selection through onNodesChange.
              deleteKeyCode={null}
              onNodesChange={onSelectionChange || onMove || onExtraSelectionChange ? onNodesChange : undefined}
              onEdgesChange={onExtraSelectionChange ? onEdgesChange : undefined}
              onNodeDragStop={onNodeDragStop}
              onNodeDoubleClick={notesEditable ? (_, n) => n.type === "note" && setEditingNote(n.data.note.id) : undefined}
              onNodeClick={onSelectionChange ? undefined : (_, n: Node) => onSelect?.(n.id)}
              onPaneClick={clearSelection}
              {...rules.flowProps}
              selectionKeyCode={onSelectionChange ? "Shift" : null}
              multiSelectionKeyCode={onSelectionChange ? ["Meta", "Control", "Shift"] : null}
              fitView
              fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
              onInit={(flow) => {
                flowRef.current = flow;
                readableStart(flow);
                if (placeNew) {
                  placeNew.current = (size) => {
                    const r = sectionRef.current?.getBoundingClientRect();
                    const centre = r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
                    const rects = flow.getNodes().map((n) => ({ ...n.position, width: n.initialWidth ?? NODE_WIDTH, height: n.initialHeight ?? NODE_HEIGHT }));
                    return freeSpot(rects, size, centre);
                  };
                }
              }}
              minZoom={0.2}
              colorMode="system"
            >
              <Background gap={20} size={1} />
              <Controls showInteractive={false} fitViewOptions={{ padding: 0.15, maxZoom: 1.1, duration: 200 }} aria-label="Zoom and view">
                <ControlButton onClick={() => setMinimap((m) => !m)} aria-label={minimap ? "Hide the minimap" : "Show the minimap"} title={minimap ? "Hide the minimap" : "Show the minimap"} aria-pressed={minimap}>
                  <svg viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M1 3l4.5-1.5 5 1.5L15 1.5v11.5L10.5 14.5l-5-1.5L1 14.5z M5.5 1.5v11.5 M10.5 3v11.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
                  </svg>
                </ControlButton>
              </Controls>
              {onSelectionChange && <CanvasReadyMark culled={culled} />}
              {graph.nodes.length === 0 && emptyHint && (
                <Panel position="top-center" className="mt-16 max-w-sm rounded-lg border border-dashed border-zinc-300 bg-white/90 p-4 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900/90 dark:text-zinc-300">
                  {emptyHint}
                </Panel>
              )}
              {minimap && (
                <MiniMap<FlowNode>
                  pannable
                  zoomable
                  ariaLabel="Minimap: the whole workflow and the part in view"
                  nodeColor={minimapColor}
                  nodeStrokeWidth={0}
                  style={{ width: 160, height: 110 }}
                />
              )}
            </ReactFlow>
          </NoteActions.Provider>
        </EdgeActions.Provider>
      )}
      <ConnectionStatus status={rules.status} onDismiss={rules.dismiss} />
      {notesEditable && <NoteKeys onEdit={setEditingNote} />}
    </section>
  );
}

const MINIMAP_FROM = 20;
const KIND_COLOUR: Record<string, string> = { trigger: "#8b5cf6", action: "#0ea5e9", branch: "#f59e0b", loop: "#14b8a6", stop: "#f43f5e" };
/** Mid-tone colours that read on the minimap's light and dark backgrounds alike. */
function minimapColor(n: FlowNode): string {
  if (n.type === "note") return "#fbbf24";
  return KIND_COLOUR[(n.data as { node: LooseNode }).node.kind] ?? "#71717a";
}

/**
 * Each step's exits as handles: the ones its kind offers, plus any an edge already leaves by (an edge from an
 * exit the step no longer has still needs its handle to be drawn; validation names the problem). Arrays are
 * reused while a step's exits are unchanged, so a step re-renders only when its own exits change.
 */
function useExits(graph: LooseGraph): Map<string, readonly string[]> {
  const cache = useRef(new Map<string, readonly string[]>());
  return useMemo(() => {
    const used = new Map<string, Set<string>>();
    for (const e of graph.edges) (used.get(e.source) ?? used.set(e.source, new Set()).get(e.source)!).add(e.handle);
    const out = new Map<string, readonly string[]>();
    for (const n of graph.nodes) {
      const offered = offeredExits({ ...n.raw, kind: n.kind });
      const extra = [...(used.get(n.id) ?? [])].filter((h) => !offered.includes(h));
      const list = extra.length ? [...offered, ...extra] : offered;
      const old = cache.current.get(n.id);
      out.set(n.id, old && old.length === list.length && old.every((h, i) => h === list[i]) ? old : list);
    }
    cache.current = out;
    return out;
  }, [graph]);
}

/** Enter on a focused note opens it for typing (React Flow's own keys select it; this is what a person expects). */
function NoteKeys({ onEdit }: { onEdit: (id: string) => void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.target instanceof HTMLElement) || !e.target.classList.contains("react-flow__node-note")) return;
      const id = e.target.dataset.id;
      if (!id?.startsWith(NOTE_PREFIX)) return;
      e.preventDefault();
      e.stopPropagation();
      onEdit(id.slice(NOTE_PREFIX.length));
    };
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [onEdit]);
  return null;
}
