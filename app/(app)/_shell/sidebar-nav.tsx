"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType, SVGProps } from "react";
import { CodeIcon, IntegrationsIcon, PlugIcon, RunsIcon, SettingsIcon, ShieldIcon, StoreIcon, WorkflowIcon } from "@/app/_components/icons";
import { useTRPC } from "@/app/_trpc/react";
import { useWorkspaces } from "./use-current-workspace";

type Item = {
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Path under the workspace, or null for sections that arrive with later milestones. */
  href: string | null;
  /** Whether the current path belongs to this item. */
  match?: (path: string, base: string) => boolean;
};

// Sections without an href are placeholders so the product's shape is visible; they turn into links as they ship.
const WORKSPACE_ITEMS: Item[] = [
  { label: "Workflows", icon: WorkflowIcon, href: "", match: (p, b) => p === b || p.startsWith(`${b}/workflows`) },
  { label: "Runs", icon: RunsIcon, href: "/runs", match: (p, b) => p.startsWith(`${b}/runs`) },
  { label: "Connections", icon: PlugIcon, href: "/connections", match: (p, b) => p.startsWith(`${b}/connections`) },
  { label: "Integrations", icon: IntegrationsIcon, href: "/integrations", match: (p, b) => p.startsWith(`${b}/integrations`) },
  { label: "Marketplace", icon: StoreIcon, href: null },
  { label: "Developer", icon: CodeIcon, href: null },
  { label: "Settings", icon: SettingsIcon, href: "/settings", match: (p, b) => p.startsWith(`${b}/settings`) },
];

const linkClass = (active: boolean) =>
  `flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500 ${
    active
      ? "bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-white dark:ring-zinc-700"
      : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100"
  }`;

function Soon({ item }: { item: Item }) {
  return (
    <span aria-disabled className="flex cursor-default items-center gap-2.5 px-2.5 py-1.5 text-sm text-zinc-400 dark:text-zinc-600">
      <item.icon className="size-4" />
      {item.label}
      <span className="ml-auto rounded bg-zinc-200/70 px-1.5 py-px text-[10px] font-medium uppercase tracking-wide text-zinc-500 dark:bg-zinc-800 dark:text-zinc-500">
        Soon
      </span>
    </span>
  );
}

export function SidebarNav() {
  const pathname = usePathname();
  const { current } = useWorkspaces();
  const trpc = useTRPC();
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  const base = current ? `/w/${current.id}` : "";
  const items = me?.platformRole === "admin" ? [...WORKSPACE_ITEMS, { label: "Admin", icon: ShieldIcon, href: null }] : WORKSPACE_ITEMS;

  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        if (item.href === null || !current) return <Soon key={item.label} item={item} />;
        const active = item.match?.(pathname, base) ?? false;
        return (
          <Link key={item.label} href={`${base}${item.href}`} aria-current={active ? "page" : undefined} className={linkClass(active)}>
            <item.icon className="size-4" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
