"use client";
import { useId, useMemo, useState } from "react";
import type { Field } from "@/app/_lib/schema-form/fields";
import { getAt, pathKey, setAt, type Path } from "@/app/_lib/schema-form/values";
import { ArrayControl, MapControl, ObjectControl, VariantControl } from "./collection-controls";
import { DynamicSelect } from "./dynamic-select";
import { FormContext, useForm, type FormContextValue, type OptionsLoader } from "./form-context";
import { BooleanControl, CodeControl, EnumControl, JsonControl, NumberControl, SecretControl, TextControl } from "./scalar-controls";

type Props = {
  fields: Field[];
  value: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  /** Problems by dotted path ("url", "fields.1.to"): computed by the same checker the server runs. */
  issues: Map<string, string>;
  /** Show every problem, not only those of fields touched (after a save was refused, say). */
  showAll?: boolean;
  readOnly?: boolean;
  loadOptions?: OptionsLoader;
  /** Whether the tree was cut at its size limit (the form then says some fields are only in the JSON view). */
  truncated?: boolean;
};

/** A form drawn from an input's field tree (app/_lib/schema-form/fields.ts). */
export function SchemaForm({ fields, value, onChange, issues, showAll, readOnly = false, loadOptions, truncated }: Props) {
  const base = useId();
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const ctx = useMemo<FormContextValue>(
    () => ({
      root: value,
      set: (path, v) => onChange((setAt(value, path, v) ?? {}) as Record<string, unknown>),
      errorAt: (path) => {
        const key = pathKey(path);
        if (!showAll && !touched.has(key) && ![...touched].some((t) => key.startsWith(`${t}.`))) return undefined;
        return issues.get(key);
      },
      touch: (path) => {
        const key = pathKey(path);
        if (!touched.has(key)) setTouched(new Set(touched).add(key));
      },
      idFor: (path) => `${base}-${path.map((p) => String(p).replace(/[^A-Za-z0-9_-]/g, "_")).join("-")}`,
      readOnly,
      loadOptions,
    }),
    [value, onChange, issues, showAll, touched, base, readOnly, loadOptions],
  );
  return (
    <FormContext.Provider value={ctx}>
      <div className="space-y-4">
        {fields.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">This step takes no input.</p>}
        {fields.map((f) => (
          <FieldControl key={f.key} field={f} at={[f.key]} value={getAt(value, [f.key])} siblings={fields} />
        ))}
        {truncated && <p className="text-xs text-amber-700 dark:text-amber-300">This input has more fields than the form shows; edit the rest in the JSON view.</p>}
      </div>
    </FormContext.Provider>
  );
}

/** The control for one field, by kind. Recursion is bounded by the tree's depth (MAX_DEPTH in fields.ts). */
export function FieldControl({ field, at, value, label, siblings }: { field: Field; at: Path; value: unknown; label?: string; siblings?: Field[] }) {
  useForm();
  switch (field.kind) {
    case "text":
    case "textarea":
    case "datetime":
      return <TextControl field={field} at={at} value={value} label={label} />;
    case "secret":
      return <SecretControl field={field} at={at} value={value} label={label} />;
    case "number":
    case "integer":
      return <NumberControl field={field} at={at} value={value} label={label} />;
    case "boolean":
      return <BooleanControl field={field} at={at} value={value} label={label} />;
    case "enum":
      return field.dynamic ? <DynamicSelect field={field} at={at} value={value} label={label} fields={siblings ?? []} /> : <EnumControl field={field} at={at} value={value} label={label} />;
    case "code":
      return <CodeControl field={field} at={at} value={value} label={label} />;
    case "object":
      return <ObjectControl field={field} at={at} value={value} />;
    case "array":
      return <ArrayControl field={field} at={at} value={value} />;
    case "map":
      return <MapControl field={field} at={at} value={value} />;
    case "variant":
      return <VariantControl field={field} at={at} value={value} />;
    default:
      return <JsonControl field={field} at={at} value={value} label={label} />;
  }
}
