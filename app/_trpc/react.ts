"use client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
// Type-only: the browser bundle never contains server code.
import type { AppRouter } from "@/server/api/root";

/** `useTRPC()` gives typed queryOptions/mutationOptions/queryKey helpers for every procedure. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
