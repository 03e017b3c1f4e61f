import type { ValueDiff } from "@/server/runs/value-diff";

const KIND = { added: "Added", removed: "Removed", changed: "Changed" } as const;

/** A field-by-field difference as a table: path, what it was, what it became. */
export function ValueChanges({ diff, label, empty }: { diff: ValueDiff; label: string; empty: string }) {
  if (diff.changes.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1.5 pr-3 font-medium">Field</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Change</th>
            <th scope="col" className="py-1.5 pr-3 font-medium">Before</th>
            <th scope="col" className="py-1.5 font-medium">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {diff.changes.map((c) => (
            <tr key={`${c.kind}:${c.path}`} data-testid="value-change">
              <td className="py-1.5 pr-3 font-mono text-xs">{c.path}</td>
              <td className={`py-1.5 pr-3 ${c.kind === "added" ? "text-green-700 dark:text-green-400" : c.kind === "removed" ? "text-red-700 dark:text-red-400" : "text-amber-800 dark:text-amber-300"}`}>{KIND[c.kind]}</td>
              <td className="max-w-64 break-all py-1.5 pr-3 font-mono text-xs text-zinc-700 dark:text-zinc-300">{c.before ?? "—"}</td>
              <td className="max-w-64 break-all py-1.5 font-mono text-xs text-zinc-700 dark:text-zinc-300">{c.after ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff.truncated && <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Only the first {diff.changes.length} differences are listed.</p>}
    </div>
  );
}
