"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

type MenuProps = {
  /** Renders the trigger; spread `props` onto a <button>. */
  trigger: (props: { "aria-haspopup": "menu"; "aria-expanded": boolean; "aria-controls": string; onClick: () => void }) => ReactNode;
  children: (close: () => void) => ReactNode;
  align?: "start" | "end";
  side?: "bottom" | "top";
  className?: string;
  /** Extra classes for the popup, e.g. w-full to match a full-width trigger. */
  panelClassName?: string;
  label: string;
};

/**
 * A dropdown menu with the keyboard behaviour people expect: opens with focus on the first item,
 * arrows move, Escape or a click outside closes and returns focus to the trigger.
 */
export function Menu({ trigger, children, align = "end", side = "bottom", className = "", panelClassName = "", label }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  const items = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []);
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) root.current?.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus();
  };

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      all[(at + step + all.length) % all.length]?.focus();
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  };

  const position = `${align === "end" ? "right-0" : "left-0"} ${side === "top" ? "bottom-full mb-1" : "top-full mt-1"}`;
  return (
    <div ref={root} className={`relative ${className}`}>
      {trigger({ "aria-haspopup": "menu", "aria-expanded": open, "aria-controls": id, onClick: () => setOpen((o) => !o) })}
      {open && (
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          onKeyDown={onKeyDown}
          className={`absolute z-30 min-w-48 overflow-hidden rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 ${position} ${panelClassName}`}
        >
          {children(() => close(false))}
        </div>
      )}
    </div>
  );
}

type MenuItemProps = { onSelect: () => void; children: ReactNode; tone?: "default" | "danger"; icon?: ReactNode; disabled?: boolean };

export function MenuItem({ onSelect, children, tone = "default", icon, disabled }: MenuItemProps) {
  const color = tone === "danger" ? "text-red-600 dark:text-red-400" : "text-zinc-700 dark:text-zinc-200";
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      disabled={disabled}
      onClick={onSelect}
      className={`flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm outline-none hover:bg-zinc-100 focus:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800 ${color}`}
    >
      {icon}
      {children}
    </button>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />;
}
