"use client";
import type { ReactNode } from "react";
import { borderClass, controlClass, describedBy, FieldShell } from "@/app/_components/schema-form/field-shell";
import { numberFromText } from "@/app/_lib/schema-form/values";

/** A number setting (no templates: settings are fixed when the workflow is saved). Empty means "the default". */
export function NumberSetting({ id, label, value, onChange, error, description, min, max, unit, disabled }: { id: string; label: string; value: unknown; onChange: (v: number | undefined) => void; error?: string; description?: string; min?: number; max?: number; unit?: ReactNode; disabled?: boolean }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={typeof value === "number" ? value : ""}
          disabled={disabled}
          onChange={(e) => {
            const n = numberFromText(e.target.value);
            onChange(typeof n === "number" ? n : undefined);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          className={`${controlClass} h-9 ${borderClass(error)}`}
        />
        {unit && <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{unit}</span>}
      </div>
    </FieldShell>
  );
}

export function SelectSetting({ id, label, value, options, onChange, error, description, disabled }: { id: string; label: string; value: string; options: { value: string; label: string }[]; onChange: (v: string) => void; error?: string; description?: string; disabled?: boolean }) {
  return (
    <FieldShell id={id} label={label} description={description} error={error}>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, description, error)} className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** Radio choices with a line each saying what the choice does. */
export function RadioSetting({ name, legend, value, options, onChange, disabled }: { name: string; legend: string; value: string; options: { value: string; label: string; help: string }[]; onChange: (v: string) => void; disabled?: boolean }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="flex cursor-pointer items-start gap-2 rounded-md border border-zinc-200 p-2 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-zinc-800 dark:has-[:checked]:border-indigo-400 dark:has-[:checked]:bg-indigo-500/10">
          <input type="radio" name={name} value={o.value} checked={value === o.value} disabled={disabled} onChange={() => onChange(o.value)} className="mt-0.5 text-indigo-600 focus:ring-indigo-500" />
          <span>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{o.label}</span>
            <span className="block text-xs text-zinc-600 dark:text-zinc-400">{o.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
