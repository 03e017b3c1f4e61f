"use client";
import { useState } from "react";
import type { ArrayField, MapField, ObjectField, VariantField } from "@/app/_lib/schema-form/fields";
import { move, pathKey, type Path } from "@/app/_lib/schema-form/values";
import { borderClass, controlClass, describedBy, FieldGroup, FieldShell, smallButton } from "./field-shell";
import { useForm } from "./form-context";
import { FieldControl } from "./schema-form";
import { TemplateInput } from "./template-input";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A list, an object or a map may also be given whole by one reference ("{{ steps.a.output.items }}"). While it
 * is, the field is that reference's text, with a button back to editing the parts.
 */
function ReferenceInstead({ label, at, value, required, description }: { label: string; at: Path; value: string; required: boolean; description?: string }) {
  const form = useForm();
  const id = form.idFor(at);
  const error = form.errorAt(at);
  return (
    <FieldShell
      id={id}
      label={label}
      required={required}
      description={description}
      error={error}
      aside={
        !form.readOnly && (
          <button type="button" className={smallButton} onClick={() => form.set(at, undefined)}>
            Edit the parts
          </button>
        )
      }
    >
      <TemplateInput id={id} value={value} onChange={(t) => form.set(at, t)} onBlur={() => form.touch(at)} error={error} describedBy={describedBy(id, description, error)} required={required} disabled={form.readOnly} />
    </FieldShell>
  );
}

function UseReference({ at }: { at: Path }) {
  const form = useForm();
  if (form.readOnly) return null;
  return (
    <button type="button" className={smallButton} onClick={() => form.set(at, "{{  }}")}>
      Use a reference
    </button>
  );
}

export function ObjectControl({ field, at, value }: { field: ObjectField; at: Path; value: unknown }) {
  const form = useForm();
  if (typeof value === "string") return <ReferenceInstead label={field.label} at={at} value={value} required={field.required} description={field.description} />;
  const obj = isObject(value) ? value : {};
  return (
    <FieldGroup legend={field.label} required={field.required} description={field.description} error={form.errorAt(at)} errorId={`${form.idFor(at)}-error`}>
      {field.fields.map((f) => (
        <FieldControl key={f.key} field={f} at={[...at, f.key]} value={obj[f.key]} />
      ))}
    </FieldGroup>
  );
}

/** A list: add, remove and reorder items; each item is the item schema's control. */
export function ArrayControl({ field, at, value }: { field: ArrayField; at: Path; value: unknown }) {
  const form = useForm();
  if (typeof value === "string") return <ReferenceInstead label={field.label} at={at} value={value} required={field.required} description={field.description} />;
  const items = Array.isArray(value) ? value : [];
  const full = field.maxItems !== undefined && items.length >= field.maxItems;
  const write = (next: unknown[]) => {
    form.touch(at);
    form.set(at, next.length === 0 && !field.required ? undefined : next);
  };
  return (
    <FieldGroup legend={field.label} required={field.required} description={field.description} error={form.errorAt(at)} errorId={`${form.idFor(at)}-error`}>
      {items.length === 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">No items{field.minItems ? ` (at least ${field.minItems} needed)` : ""}.</p>}
      <ol className="space-y-2">
        {items.map((item, i) => (
          <li key={i} className="flex items-start gap-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-900/60">
            <div className="min-w-0 flex-1">
              <FieldControl field={field.item} at={[...at, i]} value={item} label={`${field.item.label} ${i + 1}`} />
            </div>
            {!form.readOnly && (
              <div className="flex shrink-0 flex-col">
                <button type="button" className={smallButton} aria-label={`Move item ${i + 1} up`} disabled={i === 0} onClick={() => write(move(items, i, i - 1))}>
                  ↑
                </button>
                <button type="button" className={smallButton} aria-label={`Move item ${i + 1} down`} disabled={i === items.length - 1} onClick={() => write(move(items, i, i + 1))}>
                  ↓
                </button>
                <button type="button" className={smallButton} aria-label={`Remove item ${i + 1}`} onClick={() => write(items.filter((_, j) => j !== i))}>
                  ✕
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!form.readOnly && (
        <div className="flex gap-2">
          <button type="button" className={`${smallButton} border border-zinc-300 dark:border-zinc-700`} disabled={full} onClick={() => write([...items, emptyOf(field.item.kind)])}>
            Add {field.item.label.toLowerCase()}
          </button>
          <UseReference at={at} />
        </div>
      )}
    </FieldGroup>
  );
}

const emptyOf = (kind: string): unknown => (kind === "object" || kind === "map" ? {} : kind === "array" ? [] : kind === "boolean" ? false : kind === "variant" ? undefined : "");

type Row = { key: string; id: number };
let nextRowId = 0;

/**
 * A key-value map (headers, query, a script's inputs). Rows are kept here while typed, so an empty or repeated
 * key can sit on screen being edited; the stored object has each filled-in key once (the last row wins).
 */
export function MapControl({ field, at, value }: { field: MapField; at: Path; value: unknown }) {
  const form = useForm();
  const obj = isObject(value) ? value : {};
  const [rows, setRows] = useState<Row[]>(() => Object.keys(obj).map((key) => ({ key, id: nextRowId++ })));
  // Someone else changed the value (the JSON view, undo): follow it, keeping rows still being typed.
  const keys = Object.keys(obj);
  const typed = new Set(rows.filter((r) => r.key !== "").map((r) => r.key));
  if (typed.size !== keys.length || keys.some((k) => !typed.has(k))) {
    setRows([...keys.map((key) => ({ key, id: nextRowId++ })), ...rows.filter((r) => r.key === "")]);
  }
  if (typeof value === "string") return <ReferenceInstead label={field.label} at={at} value={value} required={field.required} description={field.description} />;
  const write = (next: Row[], values: Record<string, unknown>) => {
    setRows(next);
    const out: Record<string, unknown> = {};
    for (const r of next) if (r.key !== "") out[r.key] = values[r.key];
    form.touch(at);
    form.set(at, Object.keys(out).length === 0 && !field.required ? undefined : out);
  };
  return (
    <FieldGroup legend={field.label} required={field.required} description={field.description} error={form.errorAt(at)} errorId={`${form.idFor(at)}-error`}>
      {rows.length === 0 && <p className="text-xs text-zinc-500 dark:text-zinc-400">None yet.</p>}
      <ul className="space-y-2">
        {rows.map((row, i) => {
          const keyId = `${form.idFor(at)}-key-${row.id}`;
          return (
            <li key={row.id} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2">
              <div>
                <label htmlFor={keyId} className="sr-only">
                  {`${field.label} key ${i + 1}`}
                </label>
                <input
                  id={keyId}
                  value={row.key}
                  placeholder="Key"
                  disabled={form.readOnly}
                  onChange={(e) => {
                    const renamed = rows.map((r) => (r.id === row.id ? { ...r, key: e.target.value } : r));
                    write(renamed, { ...obj, [e.target.value]: row.key === "" ? "" : obj[row.key] });
                  }}
                  className={`${controlClass} h-9 font-mono text-xs ${borderClass()}`}
                />
              </div>
              <div className="min-w-0">
                {row.key === "" ? (
                  <p className="py-2 text-xs text-zinc-500 dark:text-zinc-400">Type a key first.</p>
                ) : (
                  <FieldControl field={{ ...field.value, label: `${row.key}` }} at={[...at, row.key]} value={obj[row.key]} label={`${field.label}: ${row.key}`} />
                )}
              </div>
              {!form.readOnly && (
                <button type="button" className={`${smallButton} mt-1`} aria-label={`Remove ${row.key || `row ${i + 1}`}`} onClick={() => write(rows.filter((r) => r.id !== row.id), obj)}>
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!form.readOnly && (
        <div className="flex gap-2">
          <button type="button" className={`${smallButton} border border-zinc-300 dark:border-zinc-700`} onClick={() => setRows([...rows, { key: "", id: nextRowId++ }])}>
            Add {field.label.toLowerCase().replace(/s$/, "")}
          </button>
          <UseReference at={at} />
        </div>
      )}
    </FieldGroup>
  );
}

/** One of several shapes (an HTTP body: none, JSON, form, raw): pick the shape, then fill in its fields. */
export function VariantControl({ field, at, value }: { field: VariantField; at: Path; value: unknown }) {
  const form = useForm();
  if (typeof value === "string") return <ReferenceInstead label={field.label} at={at} value={value} required={field.required} description={field.description} />;
  const obj = isObject(value) ? value : isObject(field.default) ? field.default : {};
  const chosen = field.variants.find((v) => v.value === obj[field.discriminator]);
  const id = `${form.idFor(at)}-${field.discriminator}`;
  const error = form.errorAt([...at, field.discriminator]) ?? form.errorAt(at);
  return (
    <FieldGroup legend={field.label} required={field.required} description={field.description} error={undefined} errorId={`${id}-error`}>
      <FieldShell id={id} label={`${field.label} ${field.discriminator}`} error={error}>
        <select
          id={id}
          value={chosen?.value ?? ""}
          disabled={form.readOnly}
          onChange={(e) => {
            form.touch(at);
            form.set(at, e.target.value === "" ? undefined : { [field.discriminator]: e.target.value });
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, undefined, error)}
          className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}
        >
          {!chosen && <option value="">Choose…</option>}
          {field.variants.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </FieldShell>
      {chosen?.fields.map((f) => (
        <FieldControl key={`${chosen.value}.${f.key}`} field={f} at={[...at, f.key]} value={obj[f.key]} />
      ))}
    </FieldGroup>
  );
}

export { pathKey };
