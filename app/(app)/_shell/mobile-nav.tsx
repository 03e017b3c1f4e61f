"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { CloseIcon, MenuIcon } from "@/app/_components/icons";
import { Logo } from "@/app/_components/logo";
import { Sidebar } from "./sidebar";

/**
 * The narrow-screen top bar; the sidebar opens as a modal drawer (native <dialog>: Escape and focus for free).
 * On a wide page (the editor) it stands in for the sidebar up to 2xl, leaving the width to the canvas.
 */
export function MobileNav({ wide = false }: { wide?: boolean }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  return (
    <header className={`sticky top-0 z-20 flex h-14 items-center justify-between border-b border-zinc-200 bg-white/90 px-4 backdrop-blur ${wide ? "2xl:hidden" : "md:hidden"} dark:border-zinc-800 dark:bg-zinc-950/90`}>
      <Link href="/">
        <Logo />
      </Link>
      <button
        type="button"
        aria-label="Open navigation"
        onClick={() => setOpen(true)}
        className="rounded-md p-2 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <MenuIcon className="size-5" />
      </button>
      <dialog
        ref={ref}
        aria-label="Navigation"
        onCancel={(e) => {
          e.preventDefault();
          setOpen(false);
        }}
        onClick={(e) => {
          // Backdrop clicks land on the dialog itself; following a link also closes the drawer.
          if (e.target === e.currentTarget || (e.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-zinc-200 bg-zinc-50 p-0 text-zinc-900 backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open && (
          <div className="relative h-full">
            <button
              type="button"
              aria-label="Close navigation"
              onClick={() => setOpen(false)}
              className="absolute right-3 top-3 z-10 rounded-md p-1.5 text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-800 dark:text-zinc-400"
            >
              <CloseIcon className="size-4" />
            </button>
            <Sidebar />
          </div>
        )}
      </dialog>
    </header>
  );
}
