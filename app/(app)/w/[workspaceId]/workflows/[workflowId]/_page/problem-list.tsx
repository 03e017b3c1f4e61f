"use client";
import { problemLine, type DraftProblem } from "@/app/_lib/graph-issues";

type Props = {
  problems: readonly DraftProblem[];
  title: string;
  /** Selects the node a problem names (on the canvas and in the inspector). */
  onSelect?: (nodeId: string) => void;
  testId?: string;
};

/**
 * The draft's problems, one line each as "node · field · message". A problem that names a node is a button that
 * selects it, so the way from the list to the fix is one click. Empty list, nothing drawn.
 */
export function ProblemList({ problems, title, onSelect, testId = "draft-problems" }: Props) {
  if (problems.length === 0) return null;
  return (
    <section aria-label={title} data-testid={testId} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/30 dark:text-amber-200">
      <h3 className="font-medium">
        {title} <span className="font-normal text-amber-700 dark:text-amber-300/80">({problems.length})</span>
      </h3>
      <ul className="mt-1 space-y-0.5">
        {problems.map((p, i) => {
          const line = problemLine(p);
          const nodeId = p.nodeId;
          return (
            <li key={`${i}:${line}`} className="break-words">
              {nodeId && onSelect ? (
                <button type="button" onClick={() => onSelect(nodeId)} className="rounded text-left underline decoration-amber-400/60 underline-offset-2 hover:decoration-current focus-visible:outline-2 focus-visible:outline-indigo-500 dark:decoration-amber-500/50">
                  {line}
                </button>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
