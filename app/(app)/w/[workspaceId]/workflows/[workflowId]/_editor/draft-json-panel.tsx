"use client";
import type { ReactNode } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { IssueList } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/issue-list";

type Props = {
  text: string;
  onChange: (text: string) => void;
  readOnly: boolean;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onRevert: () => void;
  syntaxError: string | null;
  fieldErrors: Record<string, string[] | undefined>;
  message: ReactNode;
};

/** The draft as JSON: type, Save (or Ctrl/Cmd+S), and see why a save was refused right under the text. */
export function DraftJsonPanel({ text, onChange, readOnly, dirty, saving, onSave, onRevert, syntaxError, fieldErrors, message }: Props) {
  return (
    <section aria-label="Draft JSON" className="flex flex-col rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <div>
          <h2 className="text-sm font-semibold">Draft (JSON)</h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="draft-state">
            {readOnly ? "Read-only: you have view access." : dirty ? "Unsaved changes" : "Saved"}
          </p>
        </div>
        {!readOnly && (
          <div className="flex gap-2">
            <Button variant="ghost" size="sm" onClick={onRevert} disabled={!dirty || saving}>
              Revert
            </Button>
            <Button size="sm" onClick={onSave} pending={saving} disabled={!dirty || syntaxError !== null}>
              Save draft
            </Button>
          </div>
        )}
      </div>
      <div className="space-y-3 p-3">
        <label htmlFor="draft-json" className="sr-only">
          Draft graph JSON
        </label>
        <textarea
          id="draft-json"
          value={text}
          readOnly={readOnly}
          spellCheck={false}
          aria-invalid={syntaxError ? true : undefined}
          aria-describedby={syntaxError ? "draft-json-error" : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key === "s") {
              e.preventDefault();
              if (!readOnly && dirty && !syntaxError) onSave();
            }
          }}
          className={`block h-[420px] w-full resize-y rounded-md border bg-zinc-50 p-3 font-mono text-xs leading-5 text-zinc-900 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:bg-zinc-950 dark:text-zinc-100 ${
            syntaxError ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"
          }`}
        />
        {syntaxError && (
          <p id="draft-json-error" className="text-sm text-red-600 dark:text-red-400">
            {syntaxError}
          </p>
        )}
        <FormError message={typeof message === "string" ? message : null} testId="draft-error" />
        {typeof message !== "string" && message}
        <IssueList fieldErrors={fieldErrors} title="The draft was not saved: it cannot be stored as it is. Fix these first:" testId="draft-issues" />
      </div>
    </section>
  );
}
