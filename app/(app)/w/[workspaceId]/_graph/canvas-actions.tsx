"use client";
import { createContext, useContext, useMemo, useRef, type ReactNode } from "react";

/**
 * What the editor lets a person do from inside the canvas: add a step after a node's handle, insert one into an
 * edge. Handed down by context, not through node and edge data, so the flow nodes stay the same objects between
 * renders (React Flow re-renders only changed nodes) and the read-only canvases (run view) simply have none.
 */
export type CanvasActions = {
  addAfter: (nodeId: string, handle?: string) => void;
  insertOnEdge: (edgeId: string) => void;
  /** A step's menu: rename (opens the dialog), duplicate, delete. */
  rename?: (nodeId: string) => void;
  duplicate?: (nodeId: string) => void;
  remove?: (nodeId: string) => void;
};

const Context = createContext<CanvasActions | null>(null);

export function CanvasActionsProvider({ actions, children }: { actions: CanvasActions | null; children: ReactNode }) {
  // One stable value whose calls reach the latest callbacks: a new callback identity must not re-render every node.
  const latest = useRef(actions);
  latest.current = actions;
  const enabled = actions !== null;
  const value = useMemo<CanvasActions | null>(
    () =>
      enabled
        ? {
            addAfter: (id, handle) => latest.current?.addAfter(id, handle),
            insertOnEdge: (id) => latest.current?.insertOnEdge(id),
            rename: (id) => latest.current?.rename?.(id),
            duplicate: (id) => latest.current?.duplicate?.(id),
            remove: (id) => latest.current?.remove?.(id),
          }
        : null,
    [enabled],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useCanvasActions = () => useContext(Context);
