/** Short words for how a run came about, shared by the list and the run page. */
const TRIGGERS: Record<string, string> = { manual: "Manual", webhook: "Webhook", schedule: "Schedule", polling: "Polling", app_webhook: "App webhook", error: "Error handler" };
const RETRIES: Record<string, string> = { start: "Retry", failed_step: "Retry from failed step", latest_version: "Re-run on latest" };

export function triggerLabel(kind: string | null | undefined, retryMode: string | null | undefined): string {
  if (retryMode) return RETRIES[retryMode] ?? "Retry";
  if (!kind) return "—";
  const words = kind.replace(/_/g, " ");
  return TRIGGERS[kind] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

export const versionLabel = (n: number | null | undefined) => (n == null ? "Draft test" : `v${n}`);

/** "run_3f2a…" is unreadable; the first 8 hex digits identify a run well enough on screen. */
export const shortRunId = (id: string) => id.replace(/^run_/, "").slice(0, 8);
