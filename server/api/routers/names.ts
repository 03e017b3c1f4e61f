import { z } from "zod";

/** Display names of workspaces and workflows. */
export const displayName = (what: string) =>
  z.string().trim().min(1, `Give the ${what} a name`).max(120, "Use at most 120 characters");
