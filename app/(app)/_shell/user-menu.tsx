"use client";
import { useQuery } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Avatar } from "@/app/_components/avatar";
import { ChevronUpDownIcon } from "@/app/_components/icons";
import { Menu, MenuItem, MenuSeparator } from "@/app/_components/menu";
import { useTRPC } from "@/app/_trpc/react";

export function UserMenu() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  if (!me) return null;
  return (
    <Menu
      label="Account"
      align="start"
      side="top"
      className="w-full"
      panelClassName="w-full"
      trigger={(props) => (
        <button
          type="button"
          {...props}
          data-testid="user-menu"
          className="flex w-full items-center gap-2.5 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-200/60 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800/60"
        >
          <Avatar name={me.name} />
          {/* Named by what it shows (a name that hid the email would not match what sighted speech users say). */}
          <span className="min-w-0 flex-1">
            <span className="sr-only">Account: </span>
            <span className="block truncate text-sm font-medium">{me.name}</span>
            <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{me.email}</span>
          </span>
          <ChevronUpDownIcon className="size-4 text-zinc-400" />
        </button>
      )}
    >
      {(close) => (
        <>
          <div className="px-2.5 py-1.5">
            <div className="truncate text-sm font-medium">{me.name}</div>
            <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{me.email}</div>
          </div>
          <MenuSeparator />
          <MenuItem
            onSelect={() => {
              close();
              router.push("/settings/profile");
            }}
          >
            Profile settings
          </MenuItem>
          {me.platformRole === "admin" && (
            <MenuItem
              onSelect={() => {
                close();
                router.push("/admin/outbox");
              }}
            >
              Mail outbox
            </MenuItem>
          )}
          <MenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>Sign out</MenuItem>
        </>
      )}
    </Menu>
  );
}
