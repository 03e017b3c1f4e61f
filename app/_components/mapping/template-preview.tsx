"use client";
import { useMemo } from "react";
import { previewTemplate, previewText, referenceProblems, sampleWarnings } from "@/app/_lib/mapping/preview";
import type { MappingContextValue } from "./mapping-context";

/**
 * Under a mapped field: its value evaluated against the sample by the interpreter's own evaluator, the
 * evaluator's error, or that there is no sample yet; and, as warnings, references the sample lacks.
 */
export function TemplatePreview({ id, text, mapping, expression, fieldError }: { id: string; text: string; mapping: MappingContextValue; expression?: boolean; fieldError?: string }) {
  const { view, sample, loadingSample } = mapping;
  // The field shows its problems once touched; until then (as you type) the reference problems show here.
  const problems = useMemo(() => (fieldError ? [] : referenceProblems(text, view, expression)), [text, view, expression, fieldError]);
  const preview = useMemo(() => previewTemplate(text, view, expression), [text, view, expression]);
  const warnings = useMemo(() => sampleWarnings(text, view, expression), [text, view, expression]);
  return (
    <div id={id} data-testid="template-preview" className="space-y-0.5 text-xs" aria-live="polite">
      {problems.map((p) => (
        <p key={p} data-testid="template-problem" className="text-red-700 dark:text-red-300">
          {p}
        </p>
      ))}
      {preview.kind === "none" ? (
        <p className="text-zinc-500 dark:text-zinc-400">{loadingSample ? "Loading the sample…" : "No sample yet: run the workflow (or send it a test event) to preview this value."}</p>
      ) : preview.kind === "error" ? (
        <p className="text-red-700 dark:text-red-300">
          <span className="font-medium">Preview: </span>
          <span data-testid="template-preview-error">{preview.message}</span>
        </p>
      ) : (
        <p className="flex min-w-0 gap-1 text-zinc-600 dark:text-zinc-300" title={sample ? `Evaluated against ${sample.source}` : undefined}>
          <span className="shrink-0 font-medium">Preview:</span>
          <span data-testid="template-preview-value" className="min-w-0 truncate rounded bg-zinc-100 px-1 font-mono text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
            {previewText(preview.value)}
          </span>
        </p>
      )}
      {warnings.map((w) => (
        <p key={w} data-testid="template-warning" className="text-amber-700 dark:text-amber-300">
          {w}
        </p>
      ))}
    </div>
  );
}
