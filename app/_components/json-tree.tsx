"use client";
import { useId, useMemo, useState, type ReactNode } from "react";
import { childPath, entriesOf, isContainer, ROOT, scalarText, searchJson, type Path } from "@/app/_lib/json-tree";

// Past these a container shows its first children with a "show more" button, and a string its first characters:
// a step output of thousands of items stays a readable, fast tree.
const CHILDREN_PAGE = 100;
const STRING_CHARS = 300;

type Props = {
  value: unknown;
  /** The tree's accessible name ("Output of greet"). */
  label: string;
  /** Containers this deep or shallower start open (the root is depth 0). */
  openDepth?: number;
  testId?: string;
};

/**
 * A value as a collapsible tree with a search box: matching keys and values are marked and the containers above
 * them opened. The value is expected already bounded (the server's preview of a large or deep value); the tree
 * also pages long lists and clips long strings so a big value never renders all at once.
 */
export function JsonTree({ value, label, openDepth = 1, testId }: Props) {
  const [query, setQuery] = useState("");
  const [toggled, setToggled] = useState<Map<Path, boolean>>(() => new Map());
  const search = useMemo(() => searchJson(value, query), [value, query]);
  const searchId = useId();
  const ctx: Ctx = {
    isOpen: (path, depth) => toggled.get(path) ?? (search.open.has(path) || depth <= openDepth - 1),
    toggle: (path, open) => setToggled((t) => new Map(t).set(path, open)),
    matches: search.matches,
    query: query.trim(),
  };
  return (
    <div data-testid={testId} className="space-y-1.5">
      {isContainer(value) && (
        <div className="flex items-center gap-2">
          <label htmlFor={searchId} className="sr-only">
            Search {label}
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search keys and values"
            className="h-7 w-full max-w-64 rounded-md border border-zinc-300 bg-white px-2 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          {ctx.query && (
            <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400" data-testid={testId ? `${testId}-matches` : undefined}>
              {search.matches.size === 0 ? "No match" : `${search.matches.size} match${search.matches.size === 1 ? "" : "es"}`}
            </span>
          )}
        </div>
      )}
      {/* Plain lists with disclosure buttons, not role="tree": a treeitem may not hold its own buttons (axe: nested-interactive). */}
      {/* Focusable: a long value scrolls, and a keyboard must be able to scroll it (axe: scrollable-region-focusable). */}
      <ul aria-label={label} tabIndex={0} className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-900">
        <TreeNode name={null} value={value} path={ROOT} depth={0} ctx={ctx} />
      </ul>
    </div>
  );
}

type Ctx = { isOpen: (path: Path, depth: number) => boolean; toggle: (path: Path, open: boolean) => void; matches: Set<Path>; query: string };

function TreeNode({ name, value, path, depth, ctx }: { name: string | null; value: unknown; path: Path; depth: number; ctx: Ctx }) {
  const hit = ctx.matches.has(path);
  const key = name !== null && (
    <span className="text-indigo-700 dark:text-indigo-300">
      <Marked text={name} query={hit ? ctx.query : ""} />
      <span className="text-zinc-400">: </span>
    </span>
  );
  if (!isContainer(value)) {
    return (
      <li data-match={hit || undefined} className="pl-4 break-all">
        {key}
        <Scalar value={value} query={hit ? ctx.query : ""} />
      </li>
    );
  }
  const open = ctx.isOpen(path, depth);
  const entries = entriesOf(value);
  const brackets = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const summary = Array.isArray(value) ? `${entries.length} item${entries.length === 1 ? "" : "s"}` : `${entries.length} key${entries.length === 1 ? "" : "s"}`;
  return (
    <li data-match={hit || undefined}>
      <button type="button" aria-expanded={open} onClick={() => ctx.toggle(path, !open)} className="rounded px-0.5 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800">
        <span aria-hidden className="inline-block w-3.5 text-zinc-400">
          {open ? "▾" : "▸"}
        </span>
        {key}
        <span className="text-zinc-500 dark:text-zinc-400">
          {brackets[0]}
          {!open && ` ${summary} ${brackets[1]}`}
        </span>
      </button>
      {open && <Children entries={entries} path={path} depth={depth} ctx={ctx} close={brackets[1]!} />}
    </li>
  );
}

function Children({ entries, path, depth, ctx, close }: { entries: [string, unknown][]; path: Path; depth: number; ctx: Ctx; close: string }) {
  const [shown, setShown] = useState(CHILDREN_PAGE);
  // A match further down the list is shown without paging to it.
  const lastMatch = ctx.query ? entries.findLastIndex(([k]) => [...ctx.matches].some((m) => m === childPath(path, k) || m.startsWith(`${childPath(path, k)}/`))) : -1;
  const limit = Math.max(shown, lastMatch + 1);
  return (
    <>
      <ul className="ml-1.5 border-l border-zinc-200 pl-1.5 dark:border-zinc-800">
        {entries.slice(0, limit).map(([k, v]) => (
          <TreeNode key={k} name={k} value={v} path={childPath(path, k)} depth={depth + 1} ctx={ctx} />
        ))}
        {entries.length > limit && (
          <li className="pl-4">
            <button type="button" onClick={() => setShown(limit + CHILDREN_PAGE)} className="text-indigo-700 underline dark:text-indigo-300">
              Show {Math.min(CHILDREN_PAGE, entries.length - limit)} more of {entries.length - limit} hidden
            </button>
          </li>
        )}
      </ul>
      <span className="pl-4 text-zinc-500 dark:text-zinc-400">{close}</span>
    </>
  );
}

function Scalar({ value, query }: { value: unknown; query: string }) {
  const [whole, setWhole] = useState(false);
  const text = scalarText(value);
  const tone = typeof value === "string" ? "text-emerald-700 dark:text-emerald-300" : typeof value === "number" ? "text-sky-700 dark:text-sky-300" : "text-amber-700 dark:text-amber-300";
  const clipped = !whole && text.length > STRING_CHARS;
  return (
    <span className={tone}>
      <Marked text={clipped ? text.slice(0, STRING_CHARS) : text} query={query} />
      {clipped && (
        <button type="button" onClick={() => setWhole(true)} className="ml-1 text-zinc-500 underline dark:text-zinc-400">
          … {text.length - STRING_CHARS} more characters
        </button>
      )}
    </span>
  );
}

function Marked({ text, query }: { text: string; query: string }): ReactNode {
  if (!query) return text;
  const at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark className="rounded bg-yellow-200 text-inherit dark:bg-yellow-700/60">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}
