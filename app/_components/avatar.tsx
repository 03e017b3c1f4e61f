/** Initials in a circle; no images are stored, so this is the one avatar everywhere. */
export function Avatar({ name, className = "size-8 text-xs" }: { name: string; className?: string }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((p) => p[0]!.toUpperCase())
      .join("") || "?";
  return (
    <span aria-hidden className={`flex shrink-0 items-center justify-center rounded-full bg-zinc-200 font-semibold text-zinc-700 dark:bg-zinc-700 dark:text-zinc-200 ${className}`}>
      {initials}
    </span>
  );
}
