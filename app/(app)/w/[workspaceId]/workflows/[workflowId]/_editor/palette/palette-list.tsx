"use client";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { IntegrationIcon } from "@/app/_components/integration-icon";
import { groupPalette, searchPalette, type PaletteEntry } from "@/app/_lib/graph-edit/palette";
import { STEP_DRAG_TYPE } from "@/app/(app)/w/[workspaceId]/_graph/graph-canvas";

type Props = {
  entries: readonly PaletteEntry[];
  onPick: (entry: PaletteEntry) => void;
  /** The draft has a trigger: trigger entries replace it (and are listed last). */
  hasTrigger: boolean;
  /** Entries can be dragged onto the canvas. */
  draggable?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Accessible name of the list, e.g. "Steps" or "Steps to add after find_user". */
  label: string;
  loading?: boolean;
};

/**
 * The searchable list of what can be added, grouped by integration: a combobox (type to filter, arrow keys move,
 * Enter adds), each entry with its integration's icon and a one-line description. Shared by the palette column
 * and the command palette (Ctrl/Cmd+K).
 */
export function PaletteList({ entries, onPick, hasTrigger, draggable = false, disabled = false, autoFocus = false, label, loading = false }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const id = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => {
    const found = groupPalette(searchPalette(entries, query));
    // With a trigger in place, adding steps is what people do next: triggers go to the end.
    return hasTrigger ? [...found.filter((g) => g.key !== "triggers"), ...found.filter((g) => g.key === "triggers")] : found;
  }, [entries, query, hasTrigger]);
  const flat = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  const current = Math.min(active, Math.max(0, flat.length - 1));
  const optionId = (i: number) => `${id}-option-${i}`;

  const move = (to: number) => {
    const next = Math.max(0, Math.min(flat.length - 1, to));
    setActive(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") move(current + 1);
    else if (e.key === "ArrowUp") move(current - 1);
    else if (e.key === "Home" && e.ctrlKey) move(0);
    else if (e.key === "End" && e.ctrlKey) move(flat.length - 1);
    else if (e.key === "PageDown") move(current + 8);
    else if (e.key === "PageUp") move(current - 8);
    else if (e.key === "Enter") {
      const entry = flat[current];
      if (entry && !disabled) onPick(entry);
    } else return;
    e.preventDefault();
  };

  let index = -1;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <label htmlFor={`${id}-search`} className="sr-only">
        Search steps
      </label>
      <input
        id={`${id}-search`}
        type="search"
        role="combobox"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-activedescendant={flat.length ? optionId(current) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder="Search steps"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          listRef.current?.scrollTo({ top: 0 });
        }}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-zinc-400 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500"
      />
      <div ref={listRef} id={`${id}-list`} role="listbox" aria-label={label} className="min-h-0 flex-1 space-y-3 overflow-y-auto pr-1">
        {loading && <p className="px-1 text-xs text-zinc-500 dark:text-zinc-400">Loading integrations…</p>}
        {flat.length === 0 && !loading && <p className="px-1 text-sm text-zinc-500 dark:text-zinc-400">Nothing matches “{query}”.</p>}
        {groups.map((g) => (
          <div key={g.key} role="group" aria-labelledby={`${id}-group-${g.key}`}>
            <div id={`${id}-group-${g.key}`} className="mb-1 flex items-center gap-1.5 px-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              <IntegrationIcon group={g.key} icon={g.icon} className="size-3.5" />
              {g.name}
            </div>
            {g.entries.map((entry) => {
              index += 1;
              const i = index;
              const replaces = entry.trigger && hasTrigger;
              return (
                <div
                  key={entry.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === current}
                  aria-disabled={disabled || undefined}
                  data-entry={entry.key}
                  draggable={draggable && !disabled}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(STEP_DRAG_TYPE, entry.key);
                    e.dataTransfer.effectAllowed = "copy";
                  }}
                  onMouseMove={() => i !== current && setActive(i)}
                  onClick={() => !disabled && onPick(entry)}
                  className={`flex cursor-pointer select-none items-start gap-2 rounded-md px-2 py-1.5 ${i === current ? "bg-indigo-50 ring-1 ring-indigo-200 dark:bg-indigo-950/50 dark:ring-indigo-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"} ${disabled ? "cursor-not-allowed opacity-60" : ""}`}
                >
                  <IntegrationIcon group={g.key} icon={entry.icon} className="mt-0.5 size-4" />
                  <span className="min-w-0 flex-1">
                    <span className="flex items-center gap-1.5 text-sm font-medium">
                      {/* The option is named by what it shows (axe: label-content-name-mismatch): name, what it replaces, description. */}
                      <span className="truncate">
                        {entry.name}
                        {replaces && <span className="sr-only"> (replaces the trigger)</span>}
                        <span className="sr-only">: </span>
                      </span>
                      {replaces && (
                        <span aria-hidden="true" className="shrink-0 rounded bg-violet-100 px-1 text-[10px] font-semibold uppercase text-violet-700 dark:bg-violet-950 dark:text-violet-300">
                          replaces
                        </span>
                      )}
                    </span>
                    <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400" title={entry.description}>
                      {entry.description}
                    </span>
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
