"use client";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { codeOf, messageOf } from "@/app/_trpc/errors";
import { IssueList } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/issue-list";

type Props = {
  error: unknown;
  fieldErrors: Record<string, string[] | undefined>;
  /** A stale save: replace the draft with what was saved elsewhere. */
  onLoadTheirs: () => void;
};

/**
 * Why the last save was refused, above both views (canvas and JSON): a stale revision with a way out, the
 * fields of a graph that cannot be stored, or the server's message.
 */
export function SaveProblems({ error, fieldErrors, onLoadTheirs }: Props) {
  if (!error) return <FormError message={null} testId="draft-error" />;
  if (Object.keys(fieldErrors).length > 0) {
    return <IssueList fieldErrors={fieldErrors} title="The draft was not saved: it cannot be stored as it is. Fix these first:" testId="draft-issues" />;
  }
  if (codeOf(error) === "CONFLICT") {
    return (
      <div role="alert" data-testid="draft-conflict" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
        <p>{messageOf(error)}</p>
        <Button size="sm" variant="secondary" onClick={onLoadTheirs}>
          Load their version (discards yours)
        </Button>
      </div>
    );
  }
  return <FormError message={messageOf(error)} testId="draft-error" />;
}
