"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False during server rendering and hydration, true once React owns the page in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
