"use client";
import { useId, useState } from "react";
import { smallButton } from "@/app/_components/schema-form/field-shell";
import { NumberSetting, RadioSetting, SelectSetting } from "./plain-fields";
import { TextSetting } from "./text-setting";

type Raw = Record<string, unknown>;
type Props = { node: Raw; onChange: (next: Raw) => void; issues: Map<string, string>; readOnly: boolean };

const put = (node: Raw, key: string, v: unknown): Raw => {
  const next = { ...node };
  if (v === undefined) delete next[key];
  else next[key] = v;
  return next;
};

/** if: one expression, true/false exits. switch: the expression's value picks a case exit, else "default". */
export function BranchForm({ node, onChange, issues, readOnly }: Props) {
  const id = useId();
  const mode = node.mode === "switch" ? "switch" : "if";
  const cases = Array.isArray(node.cases) ? node.cases.map(String) : [];
  return (
    <div className="space-y-4">
      <RadioSetting
        name={`${id}-mode`}
        legend="Kind"
        value={mode}
        disabled={readOnly}
        onChange={(v) => onChange(put(node, "mode", v))}
        options={[
          { value: "if", label: "If", help: "Follows “true” or “false” by the expression." },
          { value: "switch", label: "Switch", help: "Follows the case equal to the expression's value, else “default”." },
        ]}
      />
      <TextSetting
        id={`${id}-expr`}
        label="Expression"
        required
        value={node.expression}
        onChange={(v) => onChange(put(node, "expression", v ?? ""))}
        error={issues.get("expression")}
        placeholder={mode === "if" ? "steps.find_user.output.active == true" : "trigger.body.plan"}
        description="Written without {{ }}: it is an expression over trigger and steps."
        readOnly={readOnly}
        mapping="expression"
      />
      {mode === "switch" && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Cases</legend>
          {cases.map((c, i) => (
            <div key={i} className="flex items-center gap-2">
              <div className="flex-1">
                <TextSetting id={`${id}-case-${i}`} label={`Case ${i + 1}`} value={c} onChange={(v) => onChange(put(node, "cases", cases.map((x, j) => (j === i ? (v ?? "") : x))))} error={issues.get(`cases.${i}`)} readOnly={readOnly} mapping="none" />
              </div>
              {!readOnly && (
                <button type="button" className={`${smallButton} mt-6`} aria-label={`Remove case ${i + 1}`} onClick={() => onChange(put(node, "cases", cases.filter((_, j) => j !== i)))}>
                  ✕
                </button>
              )}
            </div>
          ))}
          {!readOnly && (
            <button type="button" className={`${smallButton} border border-zinc-300 dark:border-zinc-700`} onClick={() => onChange(put(node, "cases", [...cases, ""]))}>
              Add case
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}

export function LoopForm({ node, onChange, issues, readOnly }: Props) {
  const id = useId();
  return (
    <div className="space-y-4">
      <TextSetting id={`${id}-items`} label="Items" required value={node.items} onChange={(v) => onChange(put(node, "items", v ?? ""))} error={issues.get("items")} placeholder="{{ steps.list_users.output.users }}" description="The list to run the “each” path for, once per item." readOnly={readOnly} />
      <NumberSetting id={`${id}-conc`} label="Concurrency" value={node.concurrency} min={1} max={50} onChange={(v) => onChange(put(node, "concurrency", v))} error={issues.get("concurrency")} description="Items run at once, 1 to 50. Default 1 (in order)." disabled={readOnly} />
      <label className="flex items-center gap-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        <input type="checkbox" checked={node.continueOnItemFailure === true} disabled={readOnly} onChange={(e) => onChange(put(node, "continueOnItemFailure", e.target.checked))} className="size-4 rounded border-zinc-300 text-indigo-600 dark:border-zinc-600 dark:bg-zinc-900" />
        Continue when an item fails
      </label>
    </div>
  );
}

const UNITS = [
  { value: "1000", label: "seconds" },
  { value: "60000", label: "minutes" },
  { value: "3600000", label: "hours" },
  { value: "86400000", label: "days" },
];

/** Wait for a duration (a number and a unit) or until a time (a template yielding an ISO timestamp). */
export function DelayForm({ node, onChange, issues, readOnly }: Props) {
  const id = useId();
  const ms = typeof node.durationMs === "number" ? node.durationMs : undefined;
  const [unit, setUnit] = useState(() => String([...UNITS].reverse().find((u) => ms !== undefined && ms > 0 && ms % Number(u.value) === 0)?.value ?? "1000"));
  const mode = typeof node.until === "string" && ms === undefined ? "until" : "duration";
  return (
    <div className="space-y-4">
      <RadioSetting
        name={`${id}-mode`}
        legend="Wait"
        value={mode}
        disabled={readOnly}
        onChange={(v) => onChange(v === "until" ? put(put(node, "durationMs", undefined), "until", "") : put(put(node, "until", undefined), "durationMs", 60_000))}
        options={[
          { value: "duration", label: "For a while", help: "A fixed time from when the run gets here." },
          { value: "until", label: "Until a time", help: "A date and time, often from earlier data." },
        ]}
      />
      {mode === "duration" ? (
        <div className="grid grid-cols-[minmax(0,1fr)_9rem] items-start gap-2">
          <NumberSetting id={`${id}-amount`} label="Duration" value={ms === undefined ? undefined : ms / Number(unit)} min={0} onChange={(v) => onChange(put(node, "durationMs", v === undefined ? undefined : Math.round(v * Number(unit))))} error={issues.get("durationMs")} disabled={readOnly} />
          <SelectSetting id={`${id}-unit`} label="Unit" value={unit} options={UNITS} onChange={(u) => {
            setUnit(u);
            if (ms !== undefined) onChange(put(node, "durationMs", Math.round((ms / Number(unit)) * Number(u))));
          }} disabled={readOnly} />
        </div>
      ) : (
        <TextSetting id={`${id}-until`} label="Until" required value={node.until} onChange={(v) => onChange(put(node, "until", v ?? ""))} error={issues.get("until") ?? issues.get("durationMs")} placeholder="{{ trigger.body.remindAt }} or 2026-01-31T09:30:00Z" readOnly={readOnly} />
      )}
    </div>
  );
}

export function StopForm({ node, onChange, issues, readOnly }: Props) {
  const id = useId();
  return (
    <div className="space-y-4">
      <RadioSetting
        name={`${id}-outcome`}
        legend="Outcome"
        value={node.outcome === "error" ? "error" : "success"}
        disabled={readOnly}
        onChange={(v) => onChange(put(node, "outcome", v))}
        options={[
          { value: "success", label: "Succeed", help: "The run ends here as succeeded." },
          { value: "error", label: "Fail", help: "The run ends here as failed, with the message." },
        ]}
      />
      <TextSetting id={`${id}-message`} label="Message" value={node.message} onChange={(v) => onChange(put(node, "message", v))} error={issues.get("message")} placeholder="Stopped: {{ steps.check.output.reason }}" readOnly={readOnly} />
    </div>
  );
}

/** all: waits until every incoming path has arrived or been skipped; first: goes on with the first to arrive. */
export function MergeForm({ node, onChange, readOnly }: Props) {
  const id = useId();
  return (
    <RadioSetting
      name={`${id}-mode`}
      legend="Wait for"
      value={node.mode === "first" ? "first" : "all"}
      disabled={readOnly}
      onChange={(v) => onChange(put(node, "mode", v === "all" ? undefined : v))}
      options={[
        { value: "all", label: "Every path", help: "Goes on once every incoming path has arrived or been skipped; the output holds each arrived step's output by its id." },
        { value: "first", label: "The first path", help: "Goes on as soon as one path arrives, with that step's output." },
      ]}
    />
  );
}
