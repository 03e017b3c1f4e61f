"use client";
import Link from "next/link";
import { Badge } from "@/app/_components/badge";
import { DotsIcon, WorkflowIcon } from "@/app/_components/icons";
import { Menu, MenuItem, MenuSeparator } from "@/app/_components/menu";
import { RelativeTime } from "@/app/_components/relative-time";
import type { WorkflowSummary } from "@/app/_lib/types";

type RowProps = {
  workflow: WorkflowSummary;
  href: string;
  /** Edit actions; absent for viewers, who see no controls at all. */
  actions?: { onRename: () => void; onDuplicate: () => void; onExport: () => void; onDelete: () => void };
};

export function WorkflowRow({ workflow, href, actions }: RowProps) {
  return (
    <li data-testid="workflow-row" className="group relative flex items-center gap-4 px-4 py-3.5 hover:bg-zinc-50 dark:hover:bg-zinc-900/60">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-zinc-100 text-zinc-500 ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-700">
        <WorkflowIcon className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        {/* The link's ::after covers the row, so the whole row is clickable while the menu stays separate. */}
        <Link href={href} className="block truncate text-sm font-medium after:absolute after:inset-0 focus-visible:outline-none focus-visible:after:rounded-md focus-visible:after:ring-2 focus-visible:after:ring-indigo-500">
          {workflow.name}
        </Link>
        <div className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
          <RelativeTime date={workflow.updatedAt} prefix="Updated " />
          {workflow.description && <span className="truncate">· {workflow.description}</span>}
        </div>
      </div>
      {workflow.active ? (
        <Badge tone="green" dot>
          Active
        </Badge>
      ) : (
        <Badge>Inactive</Badge>
      )}
      {actions && (
        <Menu
          label={`Actions for ${workflow.name}`}
          className="relative z-10"
          trigger={(props) => (
            <button
              type="button"
              {...props}
              aria-label={`Actions for ${workflow.name}`}
              className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100 dark:text-zinc-400"
            >
              <DotsIcon className="size-4" />
            </button>
          )}
        >
          {(close) => (
            <>
              <MenuItem onSelect={() => (close(), actions.onRename())}>Rename</MenuItem>
              <MenuItem onSelect={() => (close(), actions.onDuplicate())}>Duplicate</MenuItem>
              <MenuItem onSelect={() => (close(), actions.onExport())}>Export</MenuItem>
              <MenuSeparator />
              <MenuItem tone="danger" onSelect={() => (close(), actions.onDelete())}>
                Delete
              </MenuItem>
            </>
          )}
        </Menu>
      )}
    </li>
  );
}
