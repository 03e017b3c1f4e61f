/** The general error of a form (not tied to one field). Always in the DOM so screen readers announce changes. */
export function FormError({ message, testId = "form-error" }: { message: string | null | undefined; testId?: string }) {
  return (
    <div role="alert" data-testid={testId} className={message ? "" : "hidden"}>
      {message && (
        <div className="flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden className="mt-0.5 size-4 shrink-0">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          <span>{message}</span>
        </div>
      )}
    </div>
  );
}
