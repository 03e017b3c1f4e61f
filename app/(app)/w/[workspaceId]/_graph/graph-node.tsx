"use client";
import { Handle, Position, type Node, type NodeHandle, type NodeProps } from "@xyflow/react";
import { memo, type KeyboardEvent } from "react";
import { formatDuration } from "@/app/_lib/duration";
import type { NodeIssue } from "@/app/_lib/graph-issues";
import { countRender } from "@/app/_lib/perf-marks";
import type { StepState } from "@/app/(app)/w/[workspaceId]/_runs/status-badge";
import { AddAfterButton } from "./add-after-button";
import { NODE_HEIGHT, NODE_WIDTH } from "./graph-layout";
import { StepMenu } from "./step-menu";
import { nodeSummary, type LooseNode } from "./loose-graph";

/**
 * `exits`: the handles on the right, one per exit (workflows/graph/handles.ts offeredExits, plus any an edge
 * already leaves by). `connectable`: the editor, where handles start and end connections.
 */
export type StepNodeData = { node: LooseNode; issues: NodeIssue[]; state?: StepState; durationMs?: number; unreached?: boolean; selected: boolean; exits: readonly string[]; connectable: boolean };
export type StepFlowNode = Node<StepNodeData, "step">;

const KIND_STYLE: Record<string, string> = {
  trigger: "bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  action: "bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  branch: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  loop: "bg-teal-100 text-teal-700 dark:bg-teal-950 dark:text-teal-300",
  merge: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  delay: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  stop: "bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
};

const STATE_RING: Record<StepState, string> = {
  running: "ring-2 ring-indigo-500 animate-pulse",
  succeeded: "ring-2 ring-emerald-500",
  failed: "ring-2 ring-red-500",
  skipped: "opacity-60 border-dashed",
  reused: "ring-2 ring-amber-400",
  pinned: "ring-2 ring-amber-400 ring-dashed border-dashed",
};

const STATE_DOT: Record<StepState, string> = {
  running: "bg-indigo-500",
  succeeded: "bg-emerald-500",
  failed: "bg-red-500",
  skipped: "bg-zinc-400",
  reused: "bg-amber-400",
  pinned: "bg-amber-400",
};

/**
 * One node on the canvas: its kind, name and what it does, its exits as labelled handles, outlined red when it has
 * problems, coloured by its run state. Memoised on its props: React Flow passes the same data object while the
 * step is unchanged (graph-canvas.tsx).
 */
export const StepNode = memo(function StepNode({ data }: NodeProps<StepFlowNode>) {
  const { node, issues, state, durationMs, unreached, selected, exits, connectable } = data;
  const name = node.label ?? node.id;
  const summary = nodeSummary(node);
  countRender(`step:${node.id}`);
  const invalid = issues.length > 0;
  const ring = invalid ? "ring-2 ring-red-500" : state ? STATE_RING[state] : selected ? "ring-2 ring-indigo-500" : "";
  return (
    <div
      data-testid={`graph-node-${node.id}`}
      data-state={state ?? (unreached ? "unreached" : "")}
      data-invalid={invalid || undefined}
      style={{ width: NODE_WIDTH, minHeight: nodeHeight(exits.length) }}
      className={`relative rounded-lg border bg-white py-2 pl-3 ${exitRoom(exits)} text-left shadow-sm dark:bg-zinc-900 ${invalid ? "border-red-400" : "border-zinc-300 dark:border-zinc-700"} ${ring} ${unreached ? "opacity-45" : ""} ${selected ? "outline-2 outline-offset-2 outline-indigo-500" : ""}`}
    >
      {node.kind !== "trigger" && (
        <Handle
          type="target"
          position={Position.Left}
          isConnectable={connectable}
          className={HANDLE_CLASS}
          {...handleA11y(connectable, `Connect to ${name}`, `Input of ${name}`)}
        />
      )}
      {/* The name gets the row to itself and up to two lines, so typical names ("Send Slack message") show whole; a longer one is clipped, its full text on hover. */}
      <div className="flex items-start gap-1.5">
        <span data-testid={`node-label-${node.id}`} title={name} className="line-clamp-2 min-w-0 flex-1 text-sm leading-5 font-medium [overflow-wrap:anywhere]">
          {name}
        </span>
        {durationMs !== undefined && (
          <span data-testid={`node-duration-${node.id}`} className="mt-0.5 shrink-0 text-[10px] tabular-nums text-zinc-500 dark:text-zinc-400">
            {formatDuration(durationMs)}
          </span>
        )}
        {state && <span role="img" aria-label={state === "pinned" ? "test data" : state} title={state === "pinned" ? "Output from test data, not run" : state} className={`mt-1.5 size-2 shrink-0 rounded-full ${STATE_DOT[state]}`} />}
        {invalid && <span className="mt-0.5 shrink-0"><ProblemBadge nodeId={node.id} issues={issues} /></span>}
      </div>
      <div className="mt-1 flex items-center gap-1.5">
        <span className={`shrink-0 rounded px-1.5 py-px text-[10px] font-semibold uppercase tracking-wide ${KIND_STYLE[node.kind] ?? KIND_STYLE.merge}`}>{node.kind}</span>
        <span title={summary} className="min-w-0 truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">
          {summary}
        </span>
      </div>
      {invalid && (
        <div data-testid={`node-issue-${node.id}`} className="mt-1 truncate text-[11px] font-medium text-red-600 dark:text-red-400">
          {issues[0]!.field ? `${issues[0]!.field}: ` : ""}
          {issues[0]!.message}
          {issues.length > 1 ? ` (+${issues.length - 1})` : ""}
        </div>
      )}
      {exits.map((exit, i) => {
        const top = `${((i + 1) * 100) / (exits.length + 1)}%`;
        return (
          <div key={exit}>
            <span aria-hidden className={`pointer-events-none absolute right-2.5 max-w-14 -translate-y-1/2 truncate text-[10px] leading-none font-medium ${exit === "error" ? "text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`} style={{ top }}>
              {exit}
            </span>
            <Handle
              id={exit}
              type="source"
              position={Position.Right}
              isConnectable={connectable}
              style={{ top }}
              className={`${HANDLE_CLASS} ${exit === "error" ? "!bg-red-500" : ""}`}
              data-exit={exit}
              {...handleA11y(connectable, `Connect from the "${exit}" exit of ${name}`, `"${exit}" exit of ${name}`)}
            />
          </div>
        );
      })}
      {/* Adds after the step from its first free exit; the picker says where it went. */}
      {exits.length > 0 && <AddAfterButton nodeId={node.id} />}
      {selected && <StepMenu nodeId={node.id} />}
    </div>
  );
});

/**
 * A handle: bigger than React Flow's default to be easy to grab; while connecting, the input under the pointer
 * turns red when the connection would be refused and green when it would be made; an exit started with a click
 * or Enter stays highlighted until the connection ends.
 */
const HANDLE_CLASS =
  "!size-2.5 !border-white !bg-zinc-500 dark:!border-zinc-900 dark:!bg-zinc-400 [&.connectingto]:!bg-red-500 [&.connectingto.valid]:!bg-emerald-500 [&.clickconnecting]:!bg-indigo-500 [&.connectionindicator:hover]:!bg-indigo-500";

/** Room on the right for the exits' labels: less when the only labels are short ("out"), so the name has more. */
function exitRoom(exits: readonly string[]): string {
  if (exits.length === 0) return "pr-3";
  return exits.every((e) => e.length <= 3) ? "pr-9" : "pr-12";
}

/** Tall enough to space a switch's exits apart. */
export const nodeHeight = (exits: number) => Math.max(NODE_HEIGHT, 14 + exits * 18);

/** HANDLE_CLASS's size-2.5, in px. */
const HANDLE_SIZE = 10;

/**
 * Where StepNode draws its handles, before React Flow has measured it: the input centred on the left edge, the
 * exits spread down the right one (React Flow centres a handle on its position). Given to a node React Flow has not
 * drawn yet, so it can draw the edges in view and need not draw (and measure) every node on opening a big graph;
 * a node in view is drawn and measured as usual, which replaces these.
 */
export function initialHandles(kind: string, exits: readonly string[]): NodeHandle[] {
  const height = nodeHeight(exits.length);
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = exits.map((exit, i) => ({ id: exit, type: "source", position: Position.Right, x: NODE_WIDTH - half, y: (height * (i + 1)) / (exits.length + 1) - half, width: HANDLE_SIZE, height: HANDLE_SIZE }));
  if (kind !== "trigger") handles.unshift({ id: null, type: "target", position: Position.Left, x: -half, y: height / 2 - half, width: HANDLE_SIZE, height: HANDLE_SIZE });
  return handles;
}

/**
 * A handle's accessible name; in the editor it is also a button on the keyboard: Enter on an exit and then on a
 * step's input connects them (React Flow's click-to-connect, which the canvas checks like a drag).
 */
function handleA11y(connectable: boolean, action: string, label: string) {
  if (!connectable) return { role: "img", "aria-label": label, title: label };
  return {
    role: "button",
    tabIndex: 0,
    "aria-label": action,
    title: action,
    onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      e.stopPropagation();
      e.currentTarget.click();
    },
  };
}

/**
 * How many problems the node has, on the node itself. Its accessible name (and tooltip) holds every message, so a
 * screen reader user hears them without opening anything; sighted users see the count and the first message below.
 */
function ProblemBadge({ nodeId, issues }: { nodeId: string; issues: NodeIssue[] }) {
  const text = issues.map((i) => `${i.field ? `${i.field}: ` : ""}${i.message}`).join("; ");
  const label = `${issues.length} problem${issues.length === 1 ? "" : "s"}: ${text}`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid={`node-problems-${nodeId}`}
      className="inline-flex h-4 min-w-4 shrink-0 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-bold leading-none text-white dark:bg-red-500"
    >
      {issues.length}
    </span>
  );
}
