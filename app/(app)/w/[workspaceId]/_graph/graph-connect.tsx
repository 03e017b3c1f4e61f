"use client";
import { getBezierPath, type Connection, type ConnectionLineComponentProps, type FinalConnectionState, type OnConnectStartParams } from "@xyflow/react";
import { useMemo, useRef, useState } from "react";
import { connectionChecker, type ConnectGraph } from "@/workflows/graph/connection";
import type { LooseGraph } from "./loose-graph";

export type ConnectRequest = { source: string; sourceHandle: string; target: string };
export type ConnectStatus = { tone: "info" | "error"; text: string } | null;

/** The draft as the connection rules read it: each step's own fields, each edge with its exit. */
function connectGraph(graph: LooseGraph): ConnectGraph {
  return {
    nodes: graph.nodes.map((n) => ({ ...n.raw, id: n.id, kind: n.kind })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, ...(e.handle === "out" ? {} : { sourceHandle: e.handle }) })),
  };
}

/** The step under the pointer where a connection was dropped (on its body rather than its input handle). */
function stepAt(event: MouseEvent | TouchEvent): string | null {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node-step");
  return el instanceof HTMLElement ? (el.dataset.id ?? null) : null;
}

/**
 * Connecting in the editor, by drag (from an exit to a step's input or anywhere on the step) or by click or Enter
 * (an exit, then a step's input). Every candidate is checked by workflows/graph/connection.ts, the rules the
 * server validates with: while dragging, a target that would be refused shows as invalid; a refused drop or
 * click says why, in a live region near the canvas.
 */
export function useConnectionRules(graph: LooseGraph, onConnect: ((c: ConnectRequest) => void) | undefined) {
  const [status, setStatus] = useState<ConnectStatus>(null);
  // Built on first use after each change of the graph: hovering a handle costs one linear pass, editing nothing.
  const check = useMemo(() => {
    let checker: ReturnType<typeof connectionChecker> | null = null;
    return (c: { source: string; sourceHandle?: string | null; target: string }) => (checker ??= connectionChecker(connectGraph(graph)))(c);
  }, [graph]);
  const clickStart = useRef<OnConnectStartParams | null>(null);
  const connected = useRef(false);

  const attempt = (c: ConnectRequest, alreadyConnected: boolean) => {
    if (alreadyConnected) return;
    const problem = check(c);
    if (problem) setStatus({ tone: "error", text: `Not connected: ${problem}` });
    else {
      setStatus(null);
      onConnect?.(c);
    }
  };
  const flowProps = onConnect
    ? {
        isValidConnection: (c: Connection | { source: string; target: string; sourceHandle?: string | null }) => check(c) === null,
        onConnect: (c: Connection) => {
          connected.current = true;
          setStatus(null);
          onConnect({ source: c.source, sourceHandle: c.sourceHandle ?? "out", target: c.target });
        },
        onConnectStart: () => {
          connected.current = false;
        },
        onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
          if (state.isValid || !state.fromNode || !state.fromHandle || state.fromHandle.type !== "source") return;
          const target = state.toNode?.id ?? stepAt(event);
          if (!target || target === undefined) return;
          attempt({ source: state.fromNode.id, sourceHandle: state.fromHandle.id ?? "out", target }, connected.current);
        },
        onClickConnectStart: (_: unknown, params: OnConnectStartParams) => {
          clickStart.current = params;
          connected.current = false;
          if (params.handleType === "source") setStatus({ tone: "info", text: `Connecting from the "${params.handleId ?? "out"}" exit of ${params.nodeId}: choose a step's input (Enter or click), or click the canvas to cancel.` });
        },
        onClickConnectEnd: (event: MouseEvent | TouchEvent | { target: EventTarget | null }) => {
          const start = clickStart.current;
          clickStart.current = null;
          const el = event.target instanceof Element ? event.target.closest(".react-flow__handle") : null;
          if (!start || !(el instanceof HTMLElement)) return setStatus(null);
          const target = el.dataset.nodeid;
          if (start.handleType !== "source" || !el.classList.contains("target") || !start.nodeId || !target) return setStatus(null);
          if (connected.current) return;
          attempt({ source: start.nodeId, sourceHandle: start.handleId ?? "out", target }, false);
        },
        connectionLineComponent: ConnectionLine,
      }
    : {};
  return { flowProps, status, dismiss: () => setStatus(null) };
}

/** The line drawn while dragging: red and dashed over a target that would be refused. */
function ConnectionLine({ fromX, fromY, toX, toY, fromPosition, toPosition, connectionStatus }: ConnectionLineComponentProps) {
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  const invalid = connectionStatus === "invalid";
  return <path d={path} fill="none" strokeWidth={2} stroke={invalid ? "#ef4444" : "#6366f1"} strokeDasharray={invalid ? "5 4" : undefined} data-testid="connection-line" data-status={connectionStatus ?? ""} />;
}

/** Why a connection was refused (or how to finish one started from the keyboard), announced to screen readers. */
export function ConnectionStatus({ status, onDismiss }: { status: ConnectStatus; onDismiss: () => void }) {
  return (
    <div role="status" aria-live="polite" className="pointer-events-none absolute inset-x-0 top-2 z-10 flex justify-center px-3">
      {status && (
        <p
          data-testid="connect-status"
          data-tone={status.tone}
          className={`pointer-events-auto flex max-w-xl items-start gap-2 rounded-md border px-3 py-1.5 text-sm shadow-sm ${status.tone === "error" ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" : "border-indigo-200 bg-indigo-50 text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-200"}`}
        >
          <span>{status.text}</span>
          <button type="button" onClick={onDismiss} aria-label="Dismiss" className="shrink-0 leading-none opacity-70 hover:opacity-100">
            ×
          </button>
        </p>
      )}
    </div>
  );
}
