"use client";

/** The integration trigger a polling or app-webhook trigger uses, in words, or what is missing from it. */
export function AppTriggerSummary({ kind, app }: { kind: "polling" | "app_webhook"; app: Record<string, unknown> | null }) {
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  const integration = text(app?.integration);
  const key = text(app?.key);
  if (!app || !integration || !key) {
    return (
      <p data-testid="app-trigger-summary" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
        Set <code className="font-mono text-xs">app.integration</code>, <code className="font-mono text-xs">app.version</code> and{" "}
        <code className="font-mono text-xs">app.key</code> to the integration trigger that starts this workflow.
      </p>
    );
  }
  const interval = typeof app.intervalSeconds === "number" ? `every ${app.intervalSeconds} s` : "at the integration's interval";
  return (
    <dl data-testid="app-trigger-summary" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-zinc-500 dark:text-zinc-400">Integration</dt>
      <dd className="font-medium">
        {integration} <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{text(app.version) ?? "(no version)"}</span>
      </dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Trigger</dt>
      <dd className="font-mono text-xs">{key}</dd>
      <dt className="text-zinc-500 dark:text-zinc-400">Connection</dt>
      <dd>{text(app.connectionId) ? <span className="font-mono text-xs">{text(app.connectionId)}</span> : <span className="text-zinc-500 dark:text-zinc-400">none</span>}</dd>
      {kind === "polling" && (
        <>
          <dt className="text-zinc-500 dark:text-zinc-400">Polls</dt>
          <dd>{interval}</dd>
        </>
      )}
    </dl>
  );
}
