"use client";
import { useId, useMemo, useState } from "react";
import { borderClass, controlClass, describedBy, FieldShell } from "@/app/_components/schema-form/field-shell";
import { cronToInterval, DEFAULT_INTERVAL, describeInterval, HOUR_STEPS, intervalToCron, MINUTE_STEPS, WEEKDAYS, type Interval, type IntervalUnit } from "@/app/_lib/trigger-form/schedule-interval";
import { withSetting, type Raw } from "@/app/_lib/trigger-form/trigger-node";
import { OVERLAP_POLICIES } from "@/workflows/graph/schema";
import { SchedulePreview } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_triggers/schedule-preview";
import { RadioSetting, SelectSetting } from "./plain-fields";

type Props = { node: Raw; workspaceId: string; /** Where the chosen mode is remembered: the workflow and trigger ids. */ memoryKey: string; onChange: (next: Raw) => void; issues: Map<string, string>; readOnly: boolean };

const isObject = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);

const UNITS: { value: IntervalUnit; label: string }[] = [
  { value: "minutes", label: "Minutes" },
  { value: "hours", label: "Hours" },
  { value: "days", label: "Day, at a time" },
  { value: "weekdays", label: "Weekday (Mon–Fri), at a time" },
  { value: "weeks", label: "Week, on a day at a time" },
];

const OVERLAP_LABELS: Record<(typeof OVERLAP_POLICIES)[number], string> = {
  skip: "Skip this time",
  buffer_one: "Run it after the current run (keep one waiting)",
  buffer_all: "Run each after the current run (keep all waiting)",
  cancel_other: "Cancel the current run, then start",
  terminate_other: "Terminate the current run, then start",
  allow_all: "Start anyway (runs overlap)",
};

/** The "every …" or cron choice per trigger, for this page's life (not part of the graph: both write a cron). */
const chosenModes = new Map<string, "every" | "cron">();

const CRON_HELP = "e.g. 0 9 * * MON-FRI (09:00 on weekdays), */15 * * * * (every 15 minutes), @daily.";
const TZ_HELP = "An IANA name like Europe/Berlin; the schedule follows its daylight saving.";
const ZONES = typeof Intl.supportedValuesOf === "function" ? ["UTC", ...Intl.supportedValuesOf("timeZone")] : ["UTC"];

/**
 * A schedule trigger: "every …" (written as the cron it means) or a cron expression, its timezone and what an
 * overlap does, with the next runs as the server computes them. The cron and timezone are checked as you type
 * by the rules the server applies on save (workflows/graph/cron.ts, through the node's issues).
 */
export function ScheduleForm({ node, workspaceId, memoryKey, onChange, issues, readOnly }: Props) {
  const id = useId();
  const schedule = isObject(node.schedule) ? node.schedule : {};
  const cron = typeof schedule.cron === "string" ? schedule.cron : "";
  const timezone = typeof schedule.timezone === "string" ? schedule.timezone : "UTC";
  const parsed = useMemo(() => cronToInterval(cron), [cron]);
  // The mode is the user's choice; a cron typed by hand that happens to be an interval stays in cron mode. It
  // outlives the form (remembered per trigger): the panel remounts the form when the draft reloads after a save.
  const [mode, setModeState] = useState<"every" | "cron">(() => chosenModes.get(memoryKey) ?? (parsed ? "every" : "cron"));
  const setMode = (m: "every" | "cron") => {
    chosenModes.set(memoryKey, m);
    setModeState(m);
  };
  const put = (key: string, v: unknown) => onChange(withSetting(node, ["schedule", key], v));
  const cronError = issues.get("schedule.cron") ?? issues.get("schedule");
  const tzError = issues.get("schedule.timezone");
  const interval = parsed ?? DEFAULT_INTERVAL;
  const setInterval = (patch: Partial<Interval>) => put("cron", intervalToCron({ ...interval, ...patch }));

  return (
    <div className="space-y-4">
      <RadioSetting
        name={`${id}-mode`}
        legend="Runs"
        value={mode}
        disabled={readOnly}
        onChange={(v) => {
          setMode(v as "every" | "cron");
          // Switching to "every" turns a cron it cannot show into the default interval (the cron mode shows it exactly).
          if (v === "every" && !parsed) put("cron", intervalToCron(DEFAULT_INTERVAL));
        }}
        options={[
          { value: "every", label: "Every …", help: "A fixed interval: minutes, hours, a time each day or each week." },
          { value: "cron", label: "Cron expression", help: "Five fields: minute hour day-of-month month day-of-week." },
        ]}
      />
      {mode === "every" ? (
        <IntervalFields id={id} interval={interval} onChange={setInterval} readOnly={readOnly} error={cronError} />
      ) : (
        <FieldShell id={`${id}-cron`} label="Cron expression" required description={CRON_HELP} error={cronError}>
          <input
            id={`${id}-cron`}
            value={cron}
            disabled={readOnly}
            spellCheck={false}
            autoComplete="off"
            placeholder="0 9 * * MON-FRI"
            onChange={(e) => put("cron", e.target.value)}
            aria-required
            aria-invalid={cronError ? true : undefined}
            aria-describedby={describedBy(`${id}-cron`, CRON_HELP, cronError)}
            className={`${controlClass} h-9 font-mono ${borderClass(cronError)}`}
          />
        </FieldShell>
      )}
      <FieldShell id={`${id}-tz`} label="Time zone" required description={TZ_HELP} error={tzError}>
        <input
          id={`${id}-tz`}
          list={`${id}-zones`}
          value={timezone}
          disabled={readOnly}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => put("timezone", e.target.value)}
          aria-required
          aria-invalid={tzError ? true : undefined}
          aria-describedby={describedBy(`${id}-tz`, TZ_HELP, tzError)}
          className={`${controlClass} h-9 ${borderClass(tzError)}`}
        />
        <datalist id={`${id}-zones`}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </FieldShell>
      <SelectSetting
        id={`${id}-overlap`}
        label="If the previous run is still going"
        value={typeof schedule.overlap === "string" ? schedule.overlap : "skip"}
        options={OVERLAP_POLICIES.map((p) => ({ value: p, label: OVERLAP_LABELS[p] }))}
        onChange={(v) => put("overlap", v === "skip" ? undefined : v)}
        error={issues.get("schedule.overlap")}
        disabled={readOnly}
      />
      {/* The server's preview only once the form's own check passes: one message per problem, on its field. */}
      {!cronError && !tzError && <SchedulePreview workspaceId={workspaceId} cron={cron} timezone={timezone} />}
    </div>
  );
}

function IntervalFields({ id, interval, onChange, readOnly, error }: { id: string; interval: Interval; onChange: (patch: Partial<Interval>) => void; readOnly: boolean; error?: string }) {
  const steps = interval.unit === "minutes" ? MINUTE_STEPS : interval.unit === "hours" ? HOUR_STEPS : null;
  const time = `${String(interval.hour).padStart(2, "0")}:${String(interval.minute).padStart(2, "0")}`;
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-[minmax(0,6rem)_minmax(0,1fr)] items-start gap-2">
        {steps ? (
          <SelectSetting id={`${id}-every`} label="Every" value={String(interval.every)} options={steps.map((s) => ({ value: String(s), label: String(s) }))} onChange={(v) => onChange({ every: Number(v) })} disabled={readOnly} />
        ) : (
          <div className="pt-7 text-sm text-zinc-600 dark:text-zinc-400">Every</div>
        )}
        <SelectSetting id={`${id}-unit`} label="Unit" value={interval.unit} options={UNITS} onChange={(v) => onChange({ unit: v as IntervalUnit, every: 1 })} disabled={readOnly} />
      </div>
      {interval.unit === "hours" && (
        <SelectSetting id={`${id}-past`} label="Minutes past the hour" value={String(interval.minute)} options={Array.from({ length: 60 }, (_, m) => ({ value: String(m), label: String(m).padStart(2, "0") }))} onChange={(v) => onChange({ minute: Number(v) })} disabled={readOnly} />
      )}
      {(interval.unit === "days" || interval.unit === "weekdays" || interval.unit === "weeks") && (
        <div className="grid grid-cols-2 gap-2">
          {interval.unit === "weeks" && (
            <SelectSetting id={`${id}-day`} label="Day" value={String(interval.weekday)} options={WEEKDAYS.map((d, i) => ({ value: String(i), label: d }))} onChange={(v) => onChange({ weekday: Number(v) })} disabled={readOnly} />
          )}
          <FieldShell id={`${id}-time`} label="Time">
            <input
              id={`${id}-time`}
              type="time"
              value={time}
              disabled={readOnly}
              onChange={(e) => {
                const [h, m] = e.target.value.split(":").map(Number);
                if (Number.isInteger(h) && Number.isInteger(m)) onChange({ hour: h, minute: m });
              }}
              className={`${controlClass} h-9 ${borderClass()}`}
            />
          </FieldShell>
        </div>
      )}
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="schedule-summary">
        {describeInterval(interval)} <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">({intervalToCron(interval)})</span>
      </p>
      {error && <p className="text-sm text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}
