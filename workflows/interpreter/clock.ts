/**
 * Workflow time. Temporal's workflow sandbox replaces Date with a deterministic clock (the time of the
 * current workflow task, recorded in history), so reading it here is replay-safe; the lint rule that bans Date
 * in workflow code is switched off for this one line on purpose.
 */
export function workflowNowMs(): number {
  // eslint-disable-next-line no-restricted-globals -- deterministic inside the Temporal workflow sandbox
  return Date.now();
}

export function parseTimeMs(iso: string): number {
  // eslint-disable-next-line no-restricted-globals -- parses a given timestamp; does not read the clock
  return new Date(iso).getTime();
}
