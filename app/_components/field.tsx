import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

const control =
  "block w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-sm transition-colors " +
  "placeholder:text-zinc-400 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 " +
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:disabled:bg-zinc-900/50 dark:disabled:text-zinc-400";

function borderFor(error?: string) {
  return error
    ? "border-red-500 focus:border-red-500 dark:border-red-500"
    : "border-zinc-300 focus:border-indigo-500 dark:border-zinc-700 dark:focus:border-indigo-400";
}

type FieldShellProps = { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode; hideLabel?: boolean };

/**
 * Label, control, hint and error in one column. The error and hint are wired to the control with
 * aria-describedby, so screen readers (and tests, via the accessible description) tie the message to its field.
 */
function FieldShell({ id, label, hint, error, children, hideLabel }: FieldShellProps) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-zinc-800 dark:text-zinc-200"}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode; error?: string; hideLabel?: boolean };

export function TextField({ label, hint, error, hideLabel, id: given, className = "", ...rest }: TextFieldProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${control} h-9 ${borderFor(error)} ${className}`}
        {...rest}
      />
    </FieldShell>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  hideLabel?: boolean;
  options: { value: string; label: string }[];
};

export function SelectField({ label, hint, error, hideLabel, options, id: given, className = "", ...rest }: SelectFieldProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${control} h-9 pr-8 ${borderFor(error)} ${className}`}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: ReactNode; error?: string; hideLabel?: boolean };

/** A multi-line field (JSON, messages); monospace when given font-mono through className. */
export function TextAreaField({ label, hint, error, hideLabel, id: given, className = "", ...rest }: TextAreaFieldProps) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${control} py-2 ${borderFor(error)} ${className}`}
        {...rest}
      />
    </FieldShell>
  );
}
