"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import type { Me, WorkspaceSummary } from "@/app/_lib/types";
import { useTRPC } from "@/app/_trpc/react";
import { MobileNav } from "./mobile-nav";
import { Sidebar } from "./sidebar";
import { useWorkspaces } from "./use-current-workspace";
import { isWideRoute } from "./wide-route";

/**
 * Sidebar on wide screens, a top bar with a slide-in drawer on narrow ones. The server layout passes the
 * user and workspaces it already loaded; they seed the query cache so the shell paints without a spinner.
 */
export function AppShell({ me, workspaces, children }: { me: Me; workspaces: WorkspaceSummary[]; children: ReactNode }) {
  const trpc = useTRPC();
  useQuery({ ...trpc.me.get.queryOptions(), initialData: me });
  useWorkspaces(workspaces);
  const wide = isWideRoute(usePathname());
  return (
    <div className={`min-h-dvh ${wide ? "2xl:flex" : "md:flex"}`}>
      <aside className={`sticky top-0 hidden h-dvh w-64 shrink-0 border-r border-zinc-200 bg-zinc-50/80 dark:border-zinc-800 dark:bg-zinc-900/40 ${wide ? "2xl:block" : "md:block"}`}>
        <Sidebar />
      </aside>
      <MobileNav wide={wide} />
      <main className="min-w-0 flex-1">
        <div className={wide ? "w-full px-4 py-3" : "mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 md:py-10 lg:px-10"}>{children}</div>
      </main>
    </div>
  );
}
