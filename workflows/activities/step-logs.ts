import { checkJsonValue, jsonLimits, utf8Length } from "../../db/json";
import type { LogLevel } from "../../integrations/runtime";
import type { StepLog } from "./executor";

/** One ctx.log line as the step record keeps it. */
export type StepLogLine = StepLog;

/**
 * How many bytes of ctx.log lines a step attempt, and a whole run, may store (as JSON in run_steps.logs). A
 * chatty integration once stored 4.8 MB for one run, which the run view then loaded whole. Past a cap lines are
 * dropped and one marker line says how many bytes were. Defaults a real workload never meets; see README.md.
 */
export type LogCaps = { stepBytes: number; runBytes: number };

export const DEFAULT_LOG_CAPS: Readonly<LogCaps> = Object.freeze({ stepBytes: 64 * 1024, runBytes: 1024 * 1024 });

const RANGES = {
  stepBytes: { env: "JUNCTION_STEP_LOG_BYTES", min: 1024, max: 16 * 1024 * 1024 },
  runBytes: { env: "JUNCTION_RUN_LOG_BYTES", min: 1024, max: 1024 * 1024 * 1024 },
} as const;

/** The caps in force: the defaults, overridden by the environment. A bad setting throws, naming it. */
export function logCaps(env: Record<string, string | undefined> = process.env): LogCaps {
  const caps = { ...DEFAULT_LOG_CAPS };
  for (const key of Object.keys(RANGES) as (keyof LogCaps)[]) {
    const { env: name, min, max } = RANGES[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}; got "${raw}".`);
    caps[key] = value;
  }
  return caps;
}

/** One line's message and data are bounded on their own too, so a single line cannot use a step's whole cap. */
const MESSAGE_CHARS = 8192;
const DATA_BYTES = 16 * 1024;

/** A line's size as stored: its JSON text in UTF-8. */
export function lineBytes(line: StepLogLine): number {
  return utf8Length(JSON.stringify(line));
}

/** The marker's data: lets a later cap (the run's) add up what earlier ones dropped. */
type Marker = { droppedBytes: number };
const droppedBy = (line: StepLogLine): number => {
  const data = line.data as Partial<Marker> | undefined;
  return line.level === "warn" && line.message.includes("bytes of logs dropped") && typeof data?.droppedBytes === "number" ? data.droppedBytes : 0;
};

function marker(droppedBytes: number, limit: string, bytes: number, per: string): StepLogLine {
  const data: Marker = { droppedBytes };
  return { level: "warn", message: `${droppedBytes} bytes of logs dropped (limit ${limit} = ${bytes} bytes per ${per}).`, data, at: new Date().toISOString() };
}

/**
 * A step attempt's ctx.log lines, kept up to the step cap as they arrive (so a step logging 10 MB never holds
 * more than the cap in memory), then one marker line for the rest.
 */
export class StepLogCollector {
  private readonly kept: StepLogLine[] = [];
  private bytes = 0;
  private dropped = 0;

  constructor(private readonly maxBytes: number = logCaps().stepBytes) {}

  add(level: LogLevel, message: string, data?: unknown): void {
    const line: StepLogLine = { level, message: message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message, at: new Date().toISOString() };
    if (data !== undefined) line.data = boundedData(data);
    const size = lineBytes(line);
    if (this.dropped > 0 || this.bytes + size > this.maxBytes) {
      // Once one line is dropped, later ones are too: the stored log stays a prefix, never one with holes.
      this.dropped += size;
      return;
    }
    this.kept.push(line);
    this.bytes += size;
  }

  lines(): StepLogLine[] {
    return this.dropped > 0 ? [...this.kept, marker(this.dropped, "JUNCTION_STEP_LOG_BYTES", this.maxBytes, "step")] : [...this.kept];
  }
}

/** Log data within the shared depth limit and the line's byte limit, else a short note saying which it broke. */
function boundedData(data: unknown): unknown {
  const limits = { maxDepth: jsonLimits().maxDepth, maxBytes: DATA_BYTES };
  const violation = checkJsonValue(data, limits, "log data");
  if (!violation) return data;
  return violation.kind === "depth" ? `[log data dropped: nested deeper than ${limits.maxDepth} levels]` : `[log data dropped: more than ${DATA_BYTES} bytes of JSON]`;
}

/**
 * The longest prefix of `lines` that fits `budget` bytes (the run's remaining log allowance), the marker line
 * included when some are dropped; nothing at all when not even the marker fits. Returns what it keeps and its
 * size, which the caller adds to the run's total.
 */
export function fitLogs(lines: StepLogLine[], budget: number, runCap: number): { lines: StepLogLine[]; bytes: number } {
  const sizes = lines.map(lineBytes);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= budget) return { lines, bytes: total };
  // Room for the marker first (its digits counted generously), then as many lines as fit.
  const room = budget - lineBytes(marker(Number.MAX_SAFE_INTEGER, "JUNCTION_RUN_LOG_BYTES", runCap, "run"));
  if (room < 0) return { lines: [], bytes: 0 };
  const kept: StepLogLine[] = [];
  let used = 0;
  let i = 0;
  for (; i < lines.length && used + sizes[i]! <= room; i++) {
    kept.push(lines[i]!);
    used += sizes[i]!;
  }
  let dropped = 0;
  for (let j = i; j < lines.length; j++) dropped += droppedBy(lines[j]!) || sizes[j]!;
  const last = marker(dropped, "JUNCTION_RUN_LOG_BYTES", runCap, "run");
  kept.push(last);
  return { lines: kept, bytes: used + lineBytes(last) };
}
