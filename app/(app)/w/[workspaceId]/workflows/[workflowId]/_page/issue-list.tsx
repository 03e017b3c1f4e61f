import { issueLines } from "@/app/_lib/graph-issues";

/** The graph's problems as the server named them, one per line with node and field, for dialogs and panels. */
export function IssueList({ fieldErrors, title, testId = "graph-issues" }: { fieldErrors: Record<string, string[] | undefined>; title: string; testId?: string }) {
  const lines = issueLines(fieldErrors);
  if (lines.length === 0) return null;
  return (
    <div role="alert" data-testid={testId} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {lines.map((l) => (
          <li key={l} className="break-words">
            {l}
          </li>
        ))}
      </ul>
    </div>
  );
}
