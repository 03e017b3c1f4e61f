"use client";
import { useMemo, useRef } from "react";
import { highlight, type TokenKind } from "@/app/_lib/schema-form/highlight";
import { borderClass } from "./field-shell";

const COLOURS: Record<TokenKind, string> = {
  comment: "text-zinc-500 italic dark:text-zinc-500",
  string: "text-emerald-700 dark:text-emerald-400",
  number: "text-amber-700 dark:text-amber-300",
  keyword: "text-violet-700 dark:text-violet-300",
  literal: "text-sky-700 dark:text-sky-300",
  plain: "",
};

type Props = { id: string; value: string; onChange: (code: string) => void; onBlur?: () => void; language: string; error?: string; describedBy?: string; required?: boolean; disabled?: boolean };

const layout = "p-3 font-mono text-xs leading-5 whitespace-pre border";

/**
 * The Code step's editor: a textarea over a highlighted <pre> (see app/_lib/schema-form/highlight.ts for why not
 * a full editor). Tab indents by two spaces instead of leaving the field; Escape then Tab leaves it.
 */
export function CodeEditor({ id, value, onChange, onBlur, language, error, describedBy, required, disabled }: Props) {
  const backdrop = useRef<HTMLPreElement>(null);
  const escaped = useRef(false);
  const tokens = useMemo(() => highlight(value), [value]);
  return (
    <div className="relative rounded-md bg-zinc-50 shadow-sm dark:bg-zinc-950" data-language={language}>
      <pre ref={backdrop} aria-hidden className={`${layout} pointer-events-none absolute inset-0 m-0 overflow-hidden rounded-md border-transparent text-zinc-900 dark:text-zinc-100`}>
        {tokens.map((t, i) => (t.kind === "plain" ? <span key={i}>{t.text}</span> : <span key={i} className={COLOURS[t.kind]}>{t.text}</span>))}
        {"\n\u200b"}
      </pre>
      <textarea
        id={id}
        value={value}
        disabled={disabled}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        rows={Math.min(24, Math.max(8, value.split("\n").length + 1))}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (e.key === "Escape") escaped.current = true;
          else if (e.key === "Tab" && !escaped.current && !e.shiftKey) {
            e.preventDefault();
            const el = e.currentTarget;
            const { selectionStart: s, selectionEnd: end } = el;
            el.setRangeText("  ", s, end, "end");
            onChange(el.value);
          } else escaped.current = false;
        }}
        onScroll={(e) => {
          if (!backdrop.current) return;
          backdrop.current.scrollTop = e.currentTarget.scrollTop;
          backdrop.current.scrollLeft = e.currentTarget.scrollLeft;
        }}
        className={`${layout} relative block w-full resize-y rounded-md bg-transparent text-transparent caret-zinc-900 selection:bg-indigo-200/60 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:caret-zinc-100 dark:selection:bg-indigo-400/40 ${borderClass(error)}`}
      />
    </div>
  );
}
