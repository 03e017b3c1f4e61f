/** "320 ms", "4.2 s", "3 m 12 s", "2 h 5 m": precise for short steps, readable for long runs. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} m`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Bytes as people read them: "812 B", "4.1 KB", "2.3 MB" (1024-based, like the 256 KB output limit). */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return "—";
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** How long something took, or has been taking so far while it runs (`now`), or nothing if it never started. */
export function elapsed(startedAt: Date | null, finishedAt: Date | null, now: number | null): number | null {
  if (!startedAt) return null;
  const end = finishedAt?.getTime() ?? now;
  return end === null ? null : Math.max(0, end - startedAt.getTime());
}
