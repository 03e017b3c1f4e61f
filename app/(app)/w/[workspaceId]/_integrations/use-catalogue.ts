"use client";
import { useQuery } from "@tanstack/react-query";
import type { CatalogueIntegration } from "@/app/_lib/catalogue/catalogue";
import { useTRPC } from "@/app/_trpc/react";

/**
 * The workspace's catalog: the same query (integration.catalog) the editor's palette reads, so opening the editor
 * after browsing here finds it cached.
 */
export function useCatalogue(workspaceId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.integration.catalog.queryOptions({ workspaceId }),
    select: (list): CatalogueIntegration[] => list,
  });
}
