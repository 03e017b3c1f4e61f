"use client";
import Link from "next/link";
import { Logo } from "@/app/_components/logo";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function Sidebar() {
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <Link href="/" className="rounded-md px-2 pt-1 focus-visible:outline-2 focus-visible:outline-indigo-500">
        <Logo />
      </Link>
      <WorkspaceSwitcher />
      <SidebarNav />
      <div className="mt-auto">
        <UserMenu />
      </div>
    </div>
  );
}
