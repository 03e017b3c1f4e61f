"use client";
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type DragEvent, type Ref } from "react";
import { FieldPicker, REFERENCE_TYPE } from "@/app/_components/mapping/field-picker";
import { useMapping } from "@/app/_components/mapping/mapping-context";
import { TemplatePreview } from "@/app/_components/mapping/template-preview";
import { offsetAtPoint } from "@/app/_lib/mapping/drop-offset";
import { insertText, templateParts } from "@/app/_lib/schema-form/values";
import { borderClass } from "./field-shell";

/** What the mapping picker uses to drop a reference where the caret is. */
export type TemplateInputHandle = { insertAtCursor: (text: string) => void; focus: () => void };

/**
 * How the field takes references from the mapping picker: as `{{ … }}` in text (a template), as a bare
 * expression (a branch's condition), or not at all (a plain label such as a switch case).
 */
export type MappingMode = "template" | "expression" | "none";

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
  mapping?: MappingMode;
};

// The textarea and the <pre> behind it must lay text out identically: same font, size, padding and border.
const layout = "px-3 py-1.5 text-sm leading-6 whitespace-pre-wrap break-words border";

/**
 * Text with `{{ … }}` references mixed in. The text is typed into a transparent textarea over a <pre> that
 * draws the same text with each reference highlighted, so references read as chips while staying plain text to
 * edit, copy and paste. One line unless `multiline` (Enter does not add a line); grows with its content.
 */
export function TemplateInput({ id, value, onChange, onBlur, multiline, placeholder, error, describedBy, required, disabled, inputMode, ref, mapping: mode = "template" }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLPreElement>(null);
  const caret = useRef<number | null>(null);
  const context = useMapping();
  const mapping = mode === "none" ? null : context;
  const [picking, setPicking] = useState(false);
  // Where the caret was when the picker opened: focus moves to the picker's search, the insertion goes here.
  const selection = useRef<{ start: number; end: number } | null>(null);

  const insertAtCursor = (text: string) => {
    const el = area.current;
    const at = selection.current;
    const start = at?.start ?? el?.selectionStart ?? value.length;
    const end = at?.end ?? el?.selectionEnd ?? value.length;
    selection.current = null;
    const next = insertText(value, start, end, text);
    caret.current = next.caret;
    onChange(next.text);
    el?.focus();
  };
  useImperativeHandle(ref, () => ({ insertAtCursor, focus: () => area.current?.focus() }));

  const openPicker = () => {
    const el = area.current;
    selection.current = el ? { start: el.selectionStart, end: el.selectionEnd } : null;
    setPicking(true);
  };
  const closePicker = () => {
    setPicking(false);
    area.current?.focus();
  };
  const pick = (expression: string) => {
    setPicking(false);
    insertAtCursor(mode === "expression" ? expression : `{{ ${expression} }}`);
  };
  // A click anywhere outside the field and its picker closes the picker (focus stays where the click put it).
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!picking) return;
    const away = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setPicking(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [picking]);
  // A field dragged from the picker: inserted where it is dropped (measured on the <pre> drawn behind the text).
  const accepts = (e: DragEvent) => !disabled && mode !== "none" && e.dataTransfer.types.includes(REFERENCE_TYPE);
  const onDrop = (e: DragEvent) => {
    if (!accepts(e)) return;
    e.preventDefault();
    const expression = e.dataTransfer.getData(REFERENCE_TYPE);
    // The <pre> ends in a zero-width space (for a trailing newline): never insert past the text itself.
    const at = Math.min(value.length, (backdrop.current && offsetAtPoint(backdrop.current, e.clientX, e.clientY)) ?? value.length);
    selection.current = { start: at, end: at };
    insertAtCursor(mode === "expression" ? expression : `{{ ${expression} }}`);
  };
  const shows = mapping && (mode === "expression" ? value.trim() !== "" : value.includes("{{"));
  const previewId = `${id}-preview`;
  const pickerId = `${id}-picker`;

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

  const field = (
    <div className={`relative min-w-0 flex-1 rounded-md bg-white shadow-sm dark:bg-zinc-900 ${disabled ? "opacity-70" : ""}`}>
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
        aria-describedby={[describedBy, shows ? previewId : null].filter(Boolean).join(" ") || undefined}
        aria-keyshortcuts={mapping && !disabled ? "Control+Space Alt+ArrowDown" : undefined}
        onChange={(e) => onChange(multiline ? e.target.value : e.target.value.replace(/\r?\n/g, " "))}
        onBlur={onBlur}
        onDragOver={(e) => {
          if (accepts(e)) {
            e.preventDefault();
            e.dataTransfer.dropEffect = "copy";
          }
        }}
        onDrop={onDrop}
        onKeyDown={(e) => {
          if (mapping && !disabled && ((e.ctrlKey && e.key === " ") || (e.altKey && e.key === "ArrowDown"))) {
            e.preventDefault();
            openPicker();
            return;
          }
          if (!multiline && e.key === "Enter") e.preventDefault();
        }}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
        className={`${layout} relative block w-full resize-none overflow-hidden rounded-md bg-transparent font-sans text-transparent caret-zinc-900 placeholder:text-zinc-400 selection:bg-indigo-200/60 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 disabled:cursor-not-allowed dark:caret-zinc-100 dark:placeholder:text-zinc-500 dark:selection:bg-indigo-400/40 ${borderClass(error)}`}
      />
    </div>
  );
  if (!mapping) return field;
  return (
    <div className="space-y-1">
      <div ref={wrapper} className="relative flex items-start gap-1">
        {field}
        {!disabled && (
          <button
            type="button"
            onClick={() => (picking ? closePicker() : openPicker())}
            aria-label="Insert data from earlier steps"
            title="Insert data from earlier steps (Ctrl+Space)"
            aria-haspopup="dialog"
            aria-expanded={picking}
            aria-controls={picking ? pickerId : undefined}
            className="inline-flex h-9 shrink-0 items-center justify-center rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs font-semibold text-indigo-700 shadow-sm hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-indigo-300 dark:hover:bg-indigo-500/15"
          >
            {"{ }"}
          </button>
        )}
        {picking && <FieldPicker id={pickerId} sources={mapping.view.sources} sampleSource={mapping.sample?.source ?? null} onPick={pick} onClose={closePicker} />}
      </div>
      {shows && <TemplatePreview id={previewId} text={value} mapping={mapping} expression={mode === "expression"} fieldError={error} />}
    </div>
  );
}
