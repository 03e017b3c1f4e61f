import { prettyJson } from "@/app/_lib/json-input";

type LogLine = { level: "info" | "warn" | "error"; message: string; data?: unknown; at: string };

const TONE: Record<LogLine["level"], string> = {
  info: "text-zinc-500 dark:text-zinc-400",
  warn: "text-amber-700 dark:text-amber-300",
  error: "text-red-700 dark:text-red-300",
};

/** What an integration wrote with ctx.log during this attempt (run_steps.logs), oldest first. */
export function StepLogs({ logs }: { logs: unknown }) {
  // A cut preview of the logs (run.get sends one when they are too large) ends with a "… N more" string: skip it.
  const lines = Array.isArray(logs) ? (logs as unknown[]).filter((l): l is LogLine => typeof (l as LogLine | null)?.at === "string") : [];
  if (lines.length === 0) return null;
  return (
    <section aria-label="Logs">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Logs</h3>
      <ol data-testid="step-logs" className="max-h-72 overflow-auto rounded-md border border-zinc-200 bg-white font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-900">
        {lines.map((line, i) => (
          <li key={i} className="flex gap-3 border-b border-zinc-100 px-3 py-1 last:border-0 dark:border-zinc-800">
            <time className="shrink-0 text-zinc-400" dateTime={line.at}>
              {line.at.slice(11, 23)}
            </time>
            <span className={`w-10 shrink-0 uppercase ${TONE[line.level] ?? TONE.info}`}>{line.level}</span>
            <span className="min-w-0 whitespace-pre-wrap break-all">
              {line.message}
              {line.data !== undefined && <span className="text-zinc-500 dark:text-zinc-400"> {prettyJson(line.data).replace(/\s*\n\s*/g, " ")}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
