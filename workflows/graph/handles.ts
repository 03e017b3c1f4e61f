import type { GraphEdge } from "./schema";

/**
 * Which exit of its source an edge leaves by. Lives apart from schema.ts (types only from there) so the
 * interpreter's bundle never pulls in zod: the workflow sandbox loads the bundle for every run.
 */
export const handleOf = (e: Pick<GraphEdge, "sourceHandle">): string => e.sourceHandle ?? "out";
