"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { label: "Editor", path: "" },
  { label: "Runs", path: "/runs" },
  { label: "Versions", path: "/versions" },
];

/** Tabs as links: each has its own URL, so Back, reload and sharing a link land on the same tab. */
export function WorkflowTabs({ base }: { base: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workflow" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((t) => {
        const href = `${base}${t.path}`;
        const active = t.path === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={t.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-indigo-500 ${
              active
                ? "border-indigo-600 text-zinc-900 dark:border-indigo-400 dark:text-white"
                : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200"
            }`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
