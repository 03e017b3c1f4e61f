"use client";
import { formatAbsolute, formatRelative, useNow } from "@/app/_lib/time";

/** "3 minutes ago", with the exact time on hover and in the machine-readable attribute. */
export function RelativeTime({ date, prefix = "" }: { date: Date; prefix?: string }) {
  const now = useNow();
  const text = now === null ? formatAbsolute(date) : formatRelative(date, now);
  // Server and browser may sit in different time zones, so the absolute form can differ at hydration;
  // the browser's version is the right one, and the relative form replaces it straight after.
  return (
    <time dateTime={date.toISOString()} title={now === null ? undefined : formatAbsolute(date)} suppressHydrationWarning>
      {prefix}
      {text}
    </time>
  );
}
