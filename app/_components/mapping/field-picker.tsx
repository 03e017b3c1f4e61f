"use client";
import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import { sampleText, searchFields, type FieldTree, type MappingField } from "@/app/_lib/mapping/fields";
import type { MappingSource } from "@/app/_lib/mapping/sources";

type Props = {
  id: string;
  sources: MappingSource[];
  /** Where the sample's values come from, or null when there is no sample yet. */
  sampleSource: string | null;
  onPick: (expression: string) => void;
  onClose: () => void;
};

/** The text a dragged field carries: a whole reference, so dropping it into any text field maps it. */
export const dragText = (expression: string) => `{{ ${expression} }}`;

/** The drag's own type, carrying the bare expression: a template field inserts it where it is dropped. */
export const REFERENCE_TYPE = "application/x-junction-reference";

const onDragStart = (expression: string) => (e: DragEvent) => {
  // Plain text too, so a drop anywhere else (a text editor, the JSON view) gets the whole reference.
  e.dataTransfer.setData("text/plain", dragText(expression));
  e.dataTransfer.setData(REFERENCE_TYPE, expression);
  e.dataTransfer.effectAllowed = "copy";
};

/**
 * The mapping picker: the trigger's and every upstream step's fields (declared, and from the sample), with types
 * and sample values, searchable and expandable. Click or Enter inserts a field's reference at the caret; a field
 * can also be dragged into any template field. Arrow keys move between rows (Right/Left open and close), Escape
 * closes and returns to the field.
 */
export function FieldPicker({ id, sources, sampleSource, onPick, onClose }: Props) {
  const [query, setQuery] = useState("");
  // Open by default: the first few sources (the loop item, the trigger, the nearest steps) show their fields.
  const [open, setOpen] = useState<Set<string>>(() => new Set(sources.slice(0, 3).map((s) => s.expression)));
  const panel = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);
  const results = useMemo(() => (query.trim() ? sources.flatMap((s) => searchFields(s.tree().fields, query).map((f) => ({ f, source: s }))) : null), [sources, query]);

  const toggle = (key: string, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });

  const rows = () => [...(panel.current?.querySelectorAll<HTMLElement>("[data-picker-row]") ?? [])];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const all = rows();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = e.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : at - 1;
    if (next < 0) search.current?.focus();
    else all[next]?.focus();
  };

  return (
    <div
      ref={panel}
      id={id}
      role="dialog"
      aria-label="Insert data from earlier steps"
      onKeyDown={onKeyDown}
      className="absolute top-full right-0 left-0 z-30 mt-1 max-h-96 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      data-testid="field-picker"
    >
      <div className="space-y-1 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <input
          ref={search}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && results?.[0]) {
              e.preventDefault();
              onPick(results[0].f.expression);
            }
          }}
          placeholder="Search fields"
          aria-label="Search fields"
          className="block h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/40 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {sampleSource ? `Values from ${sampleSource}.` : "No sample yet: fields from the steps' declared outputs. Run the workflow to see values."}
        </p>
      </div>
      <div className="max-h-72 overflow-auto p-1">
        {sources.length === 0 && <p className="p-2 text-sm text-zinc-500 dark:text-zinc-400">Nothing comes before this step yet: connect it after the trigger or another step.</p>}
        {results ? (
          <ul aria-label="Matching fields">
            {results.length === 0 && <li className="p-2 text-sm text-zinc-500 dark:text-zinc-400">No field matches “{query}”.</li>}
            {results.map(({ f, source }) => (
              <li key={`${source.expression}:${f.expression}`}>
                <Row field={f} depth={0} caption={`${source.title} · ${f.expression}`} onPick={onPick} />
              </li>
            ))}
          </ul>
        ) : (
          <ul role="tree" aria-label="Fields you can insert">
            {sources.map((s) => {
              const expanded = open.has(s.expression);
              return (
                <li key={s.expression} role="treeitem" aria-expanded={expanded} aria-selected={false} aria-label={s.title}>
                  <div className="flex items-center gap-1">
                    <Toggle expanded={expanded} label={s.title} onToggle={() => toggle(s.expression)} disabled={false} />
                    <button
                      type="button"
                      data-picker-row
                      draggable
                      onDragStart={onDragStart(s.expression)}
                      onClick={() => onPick(s.expression)}
                      onKeyDown={(e) => {
                        if (e.key === "ArrowRight") toggle(s.expression, true);
                        if (e.key === "ArrowLeft") toggle(s.expression, false);
                      }}
                      title={`Insert ${dragText(s.expression)}`}
                      className="flex min-w-0 flex-1 items-baseline gap-2 rounded px-1.5 py-1 text-left text-sm font-semibold text-zinc-800 hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-100 dark:hover:bg-indigo-500/15 dark:focus-visible:bg-indigo-500/15"
                    >
                      <span className="truncate">{s.title}</span>
                      {!s.hasSample && sampleSource && <span className="shrink-0 text-xs font-normal text-zinc-500 dark:text-zinc-400">not in the sample</span>}
                    </button>
                  </div>
                  {expanded && <SourceFields tree={s.tree()} open={open} toggle={toggle} onPick={onPick} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

function SourceFields({ tree, open, toggle, onPick }: { tree: FieldTree; open: Set<string>; toggle: (k: string, to?: boolean) => void; onPick: (e: string) => void }) {
  if (tree.fields.length === 0) return <p className="py-1 pl-8 text-xs text-zinc-500 dark:text-zinc-400">No fields known: insert the whole value, or run the workflow to see its fields.</p>;
  return <Fields fields={tree.fields} depth={1} open={open} toggle={toggle} onPick={onPick} truncated={tree.truncated} />;
}

function Fields({ fields, depth, open, toggle, onPick, truncated }: { fields: MappingField[]; depth: number; open: Set<string>; toggle: (k: string, to?: boolean) => void; onPick: (e: string) => void; truncated?: boolean }) {
  return (
    <ul role="group">
      {fields.map((f) => {
        const expanded = open.has(f.expression);
        return (
          <li key={f.expression} role="treeitem" aria-expanded={f.children.length ? expanded : undefined} aria-selected={false} aria-label={f.label}>
            <div className="flex items-center gap-1" style={{ paddingLeft: `${depth * 0.75}rem` }}>
              <Toggle expanded={expanded} label={f.label} onToggle={() => toggle(f.expression)} disabled={f.children.length === 0} />
              <Row field={f} depth={depth} onPick={onPick} onExpand={(to) => f.children.length > 0 && toggle(f.expression, to)} />
            </div>
            {expanded && <Fields fields={f.children} depth={depth + 1} open={open} toggle={toggle} onPick={onPick} />}
          </li>
        );
      })}
      {truncated && <li className="px-2 py-1 text-xs text-amber-700 dark:text-amber-300">More fields than the picker lists; type the rest.</li>}
    </ul>
  );
}

function Toggle({ expanded, label, onToggle, disabled }: { expanded: boolean; label: string; onToggle: () => void; disabled: boolean }) {
  if (disabled) return <span aria-hidden className="inline-block w-5 shrink-0" />;
  return (
    <button type="button" tabIndex={-1} onClick={onToggle} aria-label={`${expanded ? "Collapse" : "Expand"} ${label}`} className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-xs text-zinc-500 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
      {expanded ? "▾" : "▸"}
    </button>
  );
}

function Row({ field, caption, onPick, onExpand }: { field: MappingField; depth: number; caption?: string; onPick: (e: string) => void; onExpand?: (to: boolean) => void }) {
  return (
    <button
      type="button"
      data-picker-row
      data-expression={field.expression}
      draggable
      onDragStart={onDragStart(field.expression)}
      onClick={() => onPick(field.expression)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight") onExpand?.(true);
        if (e.key === "ArrowLeft") onExpand?.(false);
      }}
      title={`Insert ${dragText(field.expression)}`}
      aria-label={`${caption ?? field.label}, ${field.type}${field.sample ? `, sample ${sampleText(field.sample.value)}` : ""}`}
      className="flex min-w-0 flex-1 items-baseline gap-2 rounded px-1.5 py-1 text-left text-sm hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-indigo-500/15 dark:focus-visible:bg-indigo-500/15"
    >
      <span className="max-w-[65%] shrink-0 truncate font-mono text-xs text-zinc-900 dark:text-zinc-100">{caption ?? field.label}</span>
      <span className="shrink-0 rounded bg-zinc-100 px-1 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">{field.type}</span>
      {!field.declared && <span className="shrink-0 text-[11px] text-zinc-500 dark:text-zinc-400">sample</span>}
      {field.sample && <span className="ml-auto min-w-0 truncate text-xs text-zinc-500 dark:text-zinc-400">{sampleText(field.sample.value)}</span>}
    </button>
  );
}
