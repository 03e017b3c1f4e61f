"use client";
import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from "react";
import { insertText, templateParts } from "@/app/_lib/schema-form/values";
import { borderClass } from "./field-shell";

/** What the mapping picker (later) uses to drop a reference where the caret is. */
export type TemplateInputHandle = { insertAtCursor: (text: string) => void; focus: () => void };

type Props = {
  id: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  multiline?: boolean;
  placeholder?: string;
  error?: string;
  describedBy?: string;
  required?: boolean;
  disabled?: boolean;
  inputMode?: "text" | "decimal" | "numeric";
  ref?: Ref<TemplateInputHandle>;
};

// The textarea and the <pre> behind it must lay text out identically: same font, size, padding and border.
const layout = "px-3 py-1.5 text-sm leading-6 whitespace-pre-wrap break-words border";

/**
 * Text with `{{ … }}` references mixed in. The text is typed into a transparent textarea over a <pre> that
 * draws the same text with each reference highlighted, so references read as chips while staying plain text to
 * edit, copy and paste. One line unless `multiline` (Enter does not add a line); grows with its content.
 */
export function TemplateInput({ id, value, onChange, onBlur, multiline, placeholder, error, describedBy, required, disabled, inputMode, ref }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLPreElement>(null);
  const caret = useRef<number | null>(null);

  useImperativeHandle(ref, () => ({
    insertAtCursor(text: string) {
      const el = area.current;
      const start = el?.selectionStart ?? value.length;
      const end = el?.selectionEnd ?? value.length;
      const next = insertText(value, start, end, text);
      caret.current = next.caret;
      onChange(next.text);
      el?.focus();
    },
    focus: () => area.current?.focus(),
  }));

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
    if (caret.current !== null) {
      el.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value]);

  return (
    <div className={`relative rounded-md bg-white shadow-sm dark:bg-zinc-900 ${disabled ? "opacity-70" : ""}`}>
      <pre ref={backdrop} aria-hidden className={`${layout} pointer-events-none absolute inset-0 m-0 overflow-hidden rounded-md border-transparent font-sans text-zinc-900 dark:text-zinc-100`}>
        {templateParts(value).map((p, i) =>
          p.ref ? (
            <mark key={i} data-testid="template-ref" className="rounded-sm bg-indigo-100 text-indigo-800 ring-1 ring-indigo-200 dark:bg-indigo-500/20 dark:text-indigo-200 dark:ring-indigo-500/40">
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
        {/* A trailing newline in a textarea takes a line; the <pre> needs a character to take it too. */}
        {"\u200b"}
      </pre>
      <textarea
        ref={area}
        id={id}
        rows={multiline ? 3 : 1}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        inputMode={inputMode}
        spellCheck={false}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(multiline ? e.target.value : e.target.value.replace(/\r?\n/g, " "))}
        onBlur={onBlur}
        onKeyDown={(e) => {
          if (!multiline && e.key === "Enter") e.preventDefault();
        }}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
        className={`${layout} relative block w-full resize-none overflow-hidden rounded-md bg-transparent font-sans text-transparent caret-zinc-900 placeholder:text-zinc-400 selection:bg-indigo-200/60 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 disabled:cursor-not-allowed dark:caret-zinc-100 dark:placeholder:text-zinc-500 dark:selection:bg-indigo-400/40 ${borderClass(error)}`}
      />
    </div>
  );
}
