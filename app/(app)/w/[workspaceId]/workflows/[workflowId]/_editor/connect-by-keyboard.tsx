"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { ConnectIcon } from "@/app/_components/icons";
import type { ConnectRequest } from "@/app/(app)/w/[workspaceId]/_graph/graph-connect";
import type { LooseGraph } from "@/app/(app)/w/[workspaceId]/_graph/loose-graph";
import { connectionChecker, type ConnectGraph } from "@/workflows/graph/connection";
import { offeredExits } from "@/workflows/graph/handles";
import { ToolButton } from "./editor-toolbar";

type Props = {
  /** The step to connect from (or into); null: closed. */
  stepId: string | null;
  graph: LooseGraph;
  onConnect: (c: ConnectRequest) => void;
  onClose: () => void;
};

/** Keys typed in a field or a dialog are theirs, not the canvas's. */
function ownKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest("dialog, input, textarea, select, [contenteditable=''], [contenteditable='true']") !== null;
}

/**
 * "Connect…" for the selected step, as a button and the C key: the keyboard's way to draw an edge (a pointer
 * drags from a handle). Absent for a viewer (no `onConnect`).
 */
export function ConnectByKeyboard({ graph, selectedId, onConnect }: { graph: LooseGraph; selectedId: string | null; onConnect: ((c: ConnectRequest) => void) | undefined }) {
  const [open, setOpen] = useState<string | null>(null);
  const latest = useRef({ selectedId, enabled: Boolean(onConnect) });
  useEffect(() => {
    latest.current = { selectedId, enabled: Boolean(onConnect) };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "c" || e.ctrlKey || e.metaKey || e.altKey || ownKeys(e.target)) return;
      const { selectedId: id, enabled } = latest.current;
      if (!enabled || !id) return;
      e.preventDefault();
      setOpen(id);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  if (!onConnect) return null;
  return (
    <>
      <ToolButton label="Connect…" hint="the selected step to another" shortcut="C" onClick={() => selectedId && setOpen(selectedId)} disabled={!selectedId} icon={<ConnectIcon />} />
      <ConnectDialog stepId={open} graph={graph} onConnect={onConnect} onClose={() => setOpen(null)} />
    </>
  );
}

function connectGraph(graph: LooseGraph): ConnectGraph {
  return {
    nodes: graph.nodes.map((n) => ({ ...n.raw, id: n.id, kind: n.kind })),
    edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, ...(e.handle === "out" ? {} : { sourceHandle: e.handle }) })),
  };
}

const nameOf = (graph: LooseGraph, id: string) => {
  const n = graph.nodes.find((x) => x.id === id);
  return n?.label ? `${n.label} (${id})` : id;
};

/**
 * Connecting without a pointer: from the selected step's exit to another step, or from another step into it.
 * Every step is listed; one the connection rules (workflows/graph/connection.ts, the server's own) refuse stays
 * in the list, marked unavailable with the reason, so the person learns why rather than missing it.
 */
export function ConnectDialog({ stepId, graph, onConnect, onClose }: Props) {
  const open = stepId !== null;
  return (
    <Dialog open={open} onClose={onClose} title={stepId ? `Connect “${nameOf(graph, stepId)}”` : "Connect"} testId="connect-dialog">
      {stepId && <ConnectChoices key={stepId} stepId={stepId} graph={graph} onConnect={onConnect} onClose={onClose} />}
    </Dialog>
  );
}

function ConnectChoices({ stepId, graph, onConnect, onClose }: Props & { stepId: string }) {
  const step = graph.nodes.find((n) => n.id === stepId);
  const exits = step ? offeredExits({ ...step.raw, kind: step.kind }) : [];
  const canLeave = exits.length > 0;
  const [direction, setDirection] = useState<"out" | "in">(canLeave ? "out" : "in");
  const [exit, setExit] = useState(exits[0] ?? "out");
  const check = useMemo(() => connectionChecker(connectGraph(graph)), [graph]);
  const others = graph.nodes.filter((n) => n.id !== stepId);

  // Into this step, from another's exit: one row per exit of each other step.
  const rows =
    direction === "out"
      ? others.map((n) => ({ key: n.id, source: stepId, sourceHandle: exit, target: n.id, name: nameOf(graph, n.id), exitName: null as string | null }))
      : others.flatMap((n) => offeredExits({ ...n.raw, kind: n.kind }).map((h) => ({ key: `${n.id}:${h}`, source: n.id, sourceHandle: h, target: stepId, name: nameOf(graph, n.id), exitName: h })));

  return (
    <div className="space-y-3 text-sm">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="sr-only">Direction</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="connect-direction" checked={direction === "out"} disabled={!canLeave} onChange={() => setDirection("out")} />
          From this step to…
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="connect-direction" checked={direction === "in"} onChange={() => setDirection("in")} />
          Into this step from…
        </label>
      </fieldset>
      {direction === "out" && exits.length > 1 && (
        <label className="block">
          <span className="mb-1 block text-xs font-medium">Exit</span>
          <select value={exit} onChange={(e) => setExit(e.target.value)} className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-900">
            {exits.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul aria-label={direction === "out" ? "Steps to connect to" : "Steps to connect from"} className="max-h-72 space-y-1 overflow-auto">
        {rows.length === 0 && <li className="text-zinc-600 dark:text-zinc-400">There are no other steps yet.</li>}
        {rows.map((r) => {
          const problem = check({ source: r.source, sourceHandle: r.sourceHandle, target: r.target });
          const label = direction === "out" ? `Connect to ${r.name}` : `Connect from ${r.name}${r.exitName && r.exitName !== "out" ? `, exit ${r.exitName}` : ""}`;
          const reasonId = `connect-reason-${r.key}`;
          return (
            <li key={r.key}>
              <button
                type="button"
                aria-disabled={problem ? true : undefined}
                aria-describedby={problem ? reasonId : undefined}
                onClick={() => {
                  if (problem) return;
                  onConnect({ source: r.source, sourceHandle: r.sourceHandle, target: r.target });
                  onClose();
                }}
                className="w-full rounded-md border border-zinc-200 px-2.5 py-1.5 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-70 dark:border-zinc-800 dark:hover:bg-zinc-800/60"
              >
                {label}
                {problem && (
                  <span id={reasonId} className="mt-0.5 block text-xs text-zinc-700 dark:text-zinc-300">
                    Unavailable: {problem}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <DialogActions>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </DialogActions>
    </div>
  );
}
