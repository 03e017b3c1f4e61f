"use client";
import { useState } from "react";
import type { BooleanField, CodeField, EnumField, Field, JsonField, NumberField, TextField } from "@/app/_lib/schema-form/fields";
import { jsonFromText, jsonToText, numberFromText, type Path } from "@/app/_lib/schema-form/values";
import { CodeEditor } from "./code-editor";
import { borderClass, controlClass, describedBy, FieldShell, smallButton } from "./field-shell";
import { useForm } from "./form-context";
import { TemplateInput } from "./template-input";

type P<F extends Field> = { field: F; at: Path; value: unknown; label?: string };

/**
 * What clearing a field stores: nothing (the key goes: "not given") for a named field, but empty text for a
 * list item or a map value, whose place would otherwise vanish from under the cursor.
 */
const cleared = (f: Field, v: unknown) => (v === undefined || v === "" ? (f.path.at(-1) === "*" ? "" : undefined) : v);

const placeholderOf = (f: Field) => (f.default !== undefined && typeof f.default !== "object" ? `Default: ${String(f.default)}` : undefined);

/** Text, multi-line text and date-time: template-aware text (a date-time also gets a picker). */
export function TextControl({ field, at, value, label }: P<TextField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  const text = typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value);
  const picker = field.kind === "datetime" && !form.readOnly && (
    <input
      type="datetime-local"
      aria-label={`Pick ${label ?? field.label}`}
      className="h-7 rounded border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900 dark:[color-scheme:dark]"
      onChange={(e) => e.target.value && form.set(at, new Date(e.target.value).toISOString())}
    />
  );
  return (
    <FieldShell id={id} label={label ?? field.label} required={field.required} description={field.description} error={error} aside={picker}>
      <TemplateInput
        id={id}
        value={text}
        multiline={field.kind === "textarea"}
        placeholder={field.kind === "datetime" ? "2026-01-31T09:30:00Z or {{ … }}" : placeholderOf(field)}
        onChange={(t) => form.set(at, cleared(field, t))}
        onBlur={() => form.touch(at)}
        error={error}
        describedBy={describedBy(id, field.description, error)}
        required={field.required}
        disabled={form.readOnly}
      />
    </FieldShell>
  );
}

/** A secret: masked, with a button to show it while typing. */
export function SecretControl({ field, at, value, label }: P<TextField>) {
  const form = useForm();
  const [shown, setShown] = useState(false);
  const id = form.idFor(at);
  const error = form.errorAt(at);
  return (
    <FieldShell
      id={id}
      label={label ?? field.label}
      required={field.required}
      description={field.description}
      error={error}
      aside={
        <button type="button" className={smallButton} onClick={() => setShown((s) => !s)} aria-controls={id} aria-pressed={shown}>
          {shown ? "Hide" : "Show"}
        </button>
      }
    >
      <input
        id={id}
        type={shown ? "text" : "password"}
        autoComplete="off"
        value={typeof value === "string" ? value : ""}
        onChange={(e) => form.set(at, cleared(field, e.target.value))}
        onBlur={() => form.touch(at)}
        disabled={form.readOnly}
        aria-required={field.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, field.description, error)}
        className={`${controlClass} h-9 font-mono ${borderClass(error)}`}
      />
    </FieldShell>
  );
}

/**
 * A number or a reference: typed as text so "{{ steps.a.output.n }}" fits; text that reads as a number is
 * stored as one. The typed text is kept while it means the stored value, so "1." is not snapped to "1".
 */
export function NumberControl({ field, at, value, label }: P<NumberField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  const stored = value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  const [typed, setTyped] = useState(stored);
  const shown = JSON.stringify(numberFromText(typed)) === JSON.stringify(value) ? typed : stored;
  const range = [field.minimum !== undefined ? `at least ${field.minimum}` : null, field.maximum !== undefined ? `at most ${field.maximum}` : null].filter(Boolean).join(", ");
  return (
    <FieldShell id={id} label={label ?? field.label} required={field.required} description={field.description} error={error}>
      <TemplateInput
        id={id}
        value={shown}
        inputMode={field.kind === "integer" ? "numeric" : "decimal"}
        placeholder={placeholderOf(field) ?? (range ? `A ${field.kind === "integer" ? "whole number" : "number"}, ${range}` : undefined)}
        onChange={(t) => {
          setTyped(t);
          form.set(at, cleared(field, numberFromText(t)));
        }}
        onBlur={() => form.touch(at)}
        error={error}
        describedBy={describedBy(id, field.description, error)}
        required={field.required}
        disabled={form.readOnly}
      />
    </FieldShell>
  );
}

export function BooleanControl({ field, at, value, label }: P<BooleanField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  const checked = typeof value === "boolean" ? value : field.default === true;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={form.readOnly || typeof value === "string"}
          onChange={(e) => {
            form.touch(at);
            form.set(at, e.target.checked);
          }}
          aria-describedby={describedBy(id, field.description, error)}
          className="size-4 rounded border-zinc-300 text-indigo-600 focus:ring-indigo-500 dark:border-zinc-600 dark:bg-zinc-900"
        />
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label ?? field.label}
        </label>
        {typeof value === "string" && <span className="font-mono text-xs text-indigo-700 dark:text-indigo-300">{value}</span>}
      </div>
      {field.description && (
        <p id={`${id}-desc`} className="pl-6 text-xs text-zinc-500 dark:text-zinc-400">
          {field.description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pl-6 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** A fixed list of choices. A value that is not one of them (a reference, an old value) is kept and shown. */
export function EnumControl({ field, at, value, label }: P<EnumField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  const current = value ?? field.default;
  const options = field.options.map((o) => ({ key: JSON.stringify(o.value), label: o.label, value: o.value as unknown }));
  if (current !== undefined && !options.some((o) => o.key === JSON.stringify(current))) options.unshift({ key: JSON.stringify(current), label: String(current), value: current });
  const blank = current === undefined || !field.required;
  return (
    <FieldShell id={id} label={label ?? field.label} required={field.required} description={field.description} error={error}>
      <select
        id={id}
        value={current === undefined ? "" : JSON.stringify(current)}
        disabled={form.readOnly}
        onChange={(e) => {
          form.touch(at);
          form.set(at, e.target.value === "" ? undefined : options.find((o) => o.key === e.target.value)?.value);
        }}
        aria-required={field.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, field.description, error)}
        className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}
      >
        {blank && <option value="">{field.default !== undefined ? `Default (${String(field.default)})` : "Choose…"}</option>}
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
            {o.value === field.default ? " (default)" : ""}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CodeControl({ field, at, value, label }: P<CodeField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  return (
    <FieldShell id={id} label={label ?? field.label} required={field.required} description={field.description} error={error} aside={<span className="text-xs text-zinc-500 dark:text-zinc-400">{field.language === "javascript" ? "JavaScript" : field.language}</span>}>
      <CodeEditor
        id={id}
        value={typeof value === "string" ? value : ""}
        language={field.language}
        onChange={(code) => form.set(at, cleared(field, code))}
        onBlur={() => form.touch(at)}
        error={error}
        describedBy={describedBy(id, field.description, error)}
        required={field.required}
        disabled={form.readOnly}
      />
    </FieldShell>
  );
}

/**
 * Anything the form has no control for (a value of any type, a deep or unusual schema): JSON, or a template
 * that yields the value at run time. Text that parses is stored parsed; other text is stored as typed.
 */
export function JsonControl({ field, at, value, label }: P<JsonField>) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  const stored = jsonToText(value);
  const [typed, setTyped] = useState(stored);
  const shown = JSON.stringify(jsonFromText(typed)) === JSON.stringify(value) ? typed : stored;
  // Text that opens like JSON but does not parse; a template ("{{ … }}") opens with a brace too and is not JSON.
  const looksLikeJson = /^\s*[[{]/.test(shown) && !/^\s*\{\{/.test(shown) && typeof value === "string";
  const hint = looksLikeJson ? "This is not valid JSON yet, so it is kept as text." : undefined;
  return (
    <FieldShell id={id} label={label ?? field.label} required={field.required} description={field.description ?? "JSON, or a reference like {{ steps.a.output }}"} error={error ?? hint}>
      <TemplateInput
        id={id}
        value={shown}
        multiline={shown.includes("\n")}
        placeholder={placeholderOf(field) ?? '"text", 42, {"key": "value"} or {{ … }}'}
        onChange={(t) => {
          setTyped(t);
          form.set(at, cleared(field, jsonFromText(t)));
        }}
        onBlur={() => form.touch(at)}
        error={error ?? hint}
        describedBy={describedBy(id, field.description ?? "json", error ?? hint)}
        required={field.required}
        disabled={form.readOnly}
      />
    </FieldShell>
  );
}
