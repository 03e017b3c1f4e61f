"use client";
import { useId } from "react";
import { setAt } from "@/app/_lib/schema-form/values";
import { NumberSetting, RadioSetting, SelectSetting } from "./plain-fields";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const ON_ERROR = [
  { value: "fail", label: "Fail the run", help: "The run stops here and is marked failed." },
  { value: "continue", label: "Continue", help: "The error becomes this step's output and the run goes on." },
  { value: "route", label: "Route to the error path", help: "The run follows this step's “error” exit." },
];

/**
 * An action's Settings tab: retries, timeout, what an error does, and the step's isolate limits (over the
 * integration's). Each field names the schema's bounds (workflows/graph/schema.ts stepSettings); problems come
 * from the same schema, keyed by path under "settings.".
 */
export function SettingsForm({ settings, onChange, issues, readOnly, sandboxed }: { settings: unknown; onChange: (next: Record<string, unknown>) => void; issues: Map<string, string>; readOnly: boolean; sandboxed: boolean }) {
  const base = useId();
  const s = isObject(settings) ? settings : {};
  const retry = isObject(s.retry) ? s.retry : {};
  const put = (path: string[], v: unknown) => {
    let next = setAt(s, path, v) as Record<string, unknown>;
    // An emptied group is "use the defaults", not an empty object with every default spelled out.
    for (const group of ["retry", "limits"]) if (isObject(next[group]) && Object.keys(next[group] as object).length === 0) next = setAt(next, [group], undefined) as Record<string, unknown>;
    onChange(next);
  };
  const num = (path: string[], label: string, props: { min?: number; max?: number; unit?: string; description?: string }) => (
    <NumberSetting id={`${base}-${path.join("-")}`} label={label} value={path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), s)} onChange={(v) => put(path, v)} error={issues.get(path.join("."))} disabled={readOnly} {...props} />
  );
  return (
    <div className="space-y-5">
      <section className="space-y-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Retries</h3>
        {num(["retry", "maxAttempts"], "Attempts", { min: 1, max: 100, description: "How many times to try in all (1 means no retries). Default 3." })}
        <SelectSetting
          id={`${base}-backoff`}
          label="Backoff"
          value={typeof retry.backoff === "string" ? retry.backoff : "exponential"}
          options={[
            { value: "exponential", label: "Exponential (each wait doubles)" },
            { value: "fixed", label: "Fixed (the same wait each time)" },
          ]}
          onChange={(v) => put(["retry", "backoff"], v)}
          error={issues.get("retry.backoff")}
          disabled={readOnly}
        />
        <div className="grid grid-cols-2 gap-3">
          {num(["retry", "initialIntervalMs"], "First wait", { min: 1, max: 3_600_000, unit: "ms", description: "Default 1000." })}
          {num(["retry", "maxIntervalMs"], "Longest wait", { min: 1, max: 86_400_000, unit: "ms" })}
        </div>
      </section>
      <section className="space-y-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Timeout</h3>
        {num(["timeoutMs"], "Timeout per attempt", { min: 100, max: 86_400_000, unit: "ms", description: "From 100 ms to 24 hours. Empty: the engine's default." })}
      </section>
      <section>
        <RadioSetting name={`${base}-onError`} legend="When this step fails" value={typeof s.onError === "string" ? s.onError : "fail"} options={ON_ERROR} onChange={(v) => put(["onError"], v)} disabled={readOnly} />
      </section>
      {sandboxed && (
        <section className="space-y-3">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Isolate limits</h3>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Over the integration’s own limits; empty keeps them.</p>
          <div className="grid grid-cols-3 gap-3">
            {num(["limits", "heapMb"], "Memory", { min: 8, max: 512, unit: "MB" })}
            {num(["limits", "cpuMs"], "CPU time", { min: 1, max: 300_000, unit: "ms" })}
            {num(["limits", "wallMs"], "Wall time", { min: 1, max: 900_000, unit: "ms" })}
          </div>
        </section>
      )}
    </div>
  );
}
