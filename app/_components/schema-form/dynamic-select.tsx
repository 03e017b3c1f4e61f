"use client";
import { useEffect, useState } from "react";
import type { EnumField, Field, Option } from "@/app/_lib/schema-form/fields";
import type { Path } from "@/app/_lib/schema-form/values";
import { borderClass, controlClass, describedBy, FieldShell, smallButton } from "./field-shell";
import { useForm } from "./form-context";

const set = (v: unknown) => v !== undefined && v !== null && v !== "";

type State = { status: "idle" | "loading" | "done" | "failed"; options: Option[]; error?: string };

/**
 * Choices the integration loads live (channels, sheets, …). Disabled, saying why, until the fields it depends
 * on are set; reloads when they change; a search box when the loader searches; a button to load again.
 */
export function DynamicSelect({ field, at, value, label, fields }: { field: EnumField; at: Path; value: unknown; label?: string; fields: Field[] }) {
  const form = useForm();
  const id = form.idFor(at);
  const dependsOn = field.dynamic?.dependsOn ?? [];
  const missing = dependsOn.filter((k) => !set(form.root[k]));
  const depends = JSON.stringify(dependsOn.map((k) => form.root[k]));
  const [search, setSearch] = useState("");
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>({ status: "idle", options: [] });
  const load = form.loadOptions;
  const ready = missing.length === 0 && load !== undefined;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    // Typing in the search box waits for a pause, so a word is one request, not one per letter.
    const timer = setTimeout(
      () => {
        setState((s) => ({ ...s, status: "loading" }));
        load(field.key, form.root, field.dynamic?.searchable && search ? search : undefined).then(
          (options) => live && setState({ status: "done", options }),
          (e: unknown) => live && setState({ status: "failed", options: [], error: e instanceof Error ? e.message : "Could not load the options." }),
        );
      },
      search ? 300 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // form.root is read through `depends`: reload when a field it depends on changes, not on every keystroke elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, depends, search, attempt, field.key]);

  const names = missing.map((k) => fields.find((f) => f.key === k)?.label ?? k);
  const reason = !load ? "Options load once the step is saved to a workspace." : missing.length ? `Set ${names.join(" and ")} first.` : undefined;
  const error = form.errorAt(at) ?? (state.status === "failed" ? state.error : undefined);
  const options = [...state.options];
  if (set(value) && !options.some((o) => o.value === value)) options.unshift({ value: value as string, label: String(value) });
  const hint = [reason, field.description].filter(Boolean).join(" ") || undefined;
  return (
    <FieldShell
      id={id}
      label={label ?? field.label}
      required={field.required}
      description={hint}
      error={error}
      aside={
        ready && (
          <button type="button" className={smallButton} onClick={() => setAttempt((n) => n + 1)} disabled={state.status === "loading"} aria-label={`Reload the options of ${field.label}`}>
            {state.status === "loading" ? "Loading…" : "Refresh"}
          </button>
        )
      }
    >
      {field.dynamic?.searchable && ready && (
        <input
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder="Search…"
          aria-label={`Search ${field.label}`}
          className={`${controlClass} mb-1 h-8 text-xs ${borderClass()}`}
        />
      )}
      <select
        id={id}
        value={set(value) ? JSON.stringify(value) : ""}
        disabled={form.readOnly || !ready}
        onChange={(e) => {
          form.touch(at);
          form.set(at, e.target.value === "" ? undefined : options.find((o) => JSON.stringify(o.value) === e.target.value)?.value);
        }}
        aria-required={field.required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        aria-busy={state.status === "loading" || undefined}
        className={`${controlClass} h-9 pr-8 ${borderClass(error)}`}
      >
        <option value="">{state.status === "loading" ? "Loading…" : !ready ? "Not available yet" : options.length ? "Choose…" : "No options"}</option>
        {options.map((o) => (
          <option key={JSON.stringify(o.value)} value={JSON.stringify(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
