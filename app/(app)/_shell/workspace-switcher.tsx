"use client";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "@/app/_components/icons";
import { Menu, MenuItem, MenuSeparator } from "@/app/_components/menu";
import { roleLabel } from "@/app/_lib/roles";
import { CreateWorkspaceDialog } from "./create-workspace-dialog";
import { useWorkspaces } from "./use-current-workspace";

function Initial({ name }: { name: string }) {
  return (
    <span aria-hidden className="flex size-6 shrink-0 items-center justify-center rounded-md bg-gradient-to-br from-indigo-500 to-violet-600 text-xs font-semibold text-white">
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}

export function WorkspaceSwitcher() {
  const router = useRouter();
  const pathname = usePathname();
  const { workspaces, current } = useWorkspaces();
  const [creating, setCreating] = useState(false);

  // Stay in the same section when switching: settings to settings, anything else to the dashboard.
  const go = (id: string) => router.push(pathname.endsWith("/settings") ? `/w/${id}/settings` : `/w/${id}`);

  return (
    <>
      <Menu
        label="Workspaces"
        align="start"
        className="w-full"
        panelClassName="w-full"
        trigger={(props) => (
          <button
            type="button"
            {...props}
            data-testid="workspace-switcher"
            className="flex w-full items-center gap-2 rounded-lg border border-zinc-200 bg-white px-2 py-1.5 text-left shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            {current && <Initial name={current.name} />}
            {/* Named by what it shows, with what it does said first to screen readers. */}
            <span className="min-w-0 flex-1">
              <span className="sr-only">Switch workspace: </span>
              <span className="block truncate text-sm font-medium">{current?.name ?? "No workspace"}</span>
              {current && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{roleLabel(current.role)}</span>}
            </span>
            <ChevronUpDownIcon className="size-4 text-zinc-400" />
          </button>
        )}
      >
        {(close) => (
          <>
            <div className="px-2.5 pb-1 pt-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">Workspaces</div>
            {workspaces.map((w) => (
              <MenuItem
                key={w.id}
                onSelect={() => {
                  close();
                  go(w.id);
                }}
                icon={<Initial name={w.name} />}
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{w.name}</span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {roleLabel(w.role)}
                    {w.personal ? " · Personal" : ""}
                  </span>
                </span>
                {w.id === current?.id && <CheckIcon className="size-4 text-indigo-600 dark:text-indigo-400" />}
              </MenuItem>
            ))}
            <MenuSeparator />
            <MenuItem
              onSelect={() => {
                close();
                setCreating(true);
              }}
              icon={<PlusIcon className="size-4" />}
            >
              Create workspace
            </MenuItem>
          </>
        )}
      </Menu>
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
