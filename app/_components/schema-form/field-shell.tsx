import type { ReactNode } from "react";

/** The ids a control points at with aria-describedby: its description and its error, when there are any. */
export function describedBy(id: string, description?: string, error?: string): string | undefined {
  return [description ? `${id}-desc` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type Props = { id: string; label: string; required?: boolean; description?: string; error?: string; children: ReactNode; aside?: ReactNode };

/**
 * A schema field: label (with a marker when required), control, description and the inline error. The control
 * carries aria-required and aria-describedby (see describedBy), so the marker itself is only visual.
 */
export function FieldShell({ id, label, required, description, error, children, aside }: Props) {
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          <label htmlFor={id}>{label}</label>
          {/* Outside the label, so the field's name is its label alone; aria-required says it to assistive tech. */}
          {required && (
            <span aria-hidden className="ml-0.5 text-red-600 dark:text-red-400" title="Required">
              *
            </span>
          )}
        </span>
        {aside}
      </div>
      {children}
      {description && (
        <p id={`${id}-desc`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of fields (a nested object, a list, a map) with its legend, description and error. */
export function FieldGroup({ legend, required, description, error, errorId, children }: { legend: string; required?: boolean; description?: string; error?: string; errorId: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" aria-describedby={error ? errorId : undefined}>
      <legend className="px-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {legend}
        {required && (
          <span aria-hidden className="ml-0.5 text-red-600 dark:text-red-400">
            *
          </span>
        )}
      </legend>
      {description && <p className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">{description}</p>}
      {children}
      {error && (
        <p id={errorId} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export const controlClass =
  "block w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-sm placeholder:text-zinc-400 " +
  "focus:outline-none focus:ring-2 focus:ring-indigo-500/40 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:disabled:bg-zinc-900/50 dark:disabled:text-zinc-400";

export function borderClass(error?: string) {
  return error ? "border-red-500 dark:border-red-500" : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700 dark:focus:border-indigo-400";
}

export const smallButton =
  "inline-flex h-7 items-center justify-center rounded-md px-2 text-xs font-medium text-zinc-700 hover:bg-zinc-100 " +
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 " +
  "dark:text-zinc-300 dark:hover:bg-zinc-800";
