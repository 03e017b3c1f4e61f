import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

/** Shapes of procedure results, derived from the router so they never drift from the server. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type WorkspaceSummary = RouterOutputs["workspace"]["list"][number];
export type WorkflowSummary = RouterOutputs["workflow"]["list"][number];
export type Member = RouterOutputs["workspace"]["members"][number];
export type Me = RouterOutputs["me"]["get"];
export type Role = WorkspaceSummary["role"];
