"use client";

type Props = {
  text: string;
  onChange: (text: string) => void;
  readOnly: boolean;
  /** Save from the keyboard while typing (the page-wide Ctrl/Cmd+S leaves text fields alone). */
  onSave: () => void;
  syntaxError: string | null;
};

/**
 * The advanced view: the draft as JSON, the same document the canvas edits (typing is undoable, a canvas edit
 * rewrites the text). A text that does not parse stays as typed, with the reason under it.
 */
export function DraftJsonPanel({ text, onChange, readOnly, onSave, syntaxError }: Props) {
  return (
    <section aria-label="Draft JSON" className="flex h-full min-h-0 flex-col gap-2">
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
            if (!readOnly && !syntaxError) onSave();
          }
        }}
        className={`block min-h-0 w-full flex-1 resize-none rounded-xl border bg-white p-3 font-mono text-xs leading-5 text-zinc-900 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:bg-zinc-950 dark:text-zinc-100 ${
          syntaxError ? "border-red-500" : "border-zinc-200 dark:border-zinc-800"
        }`}
      />
      {syntaxError && (
        <p id="draft-json-error" className="text-sm text-red-600 dark:text-red-400">
          {syntaxError}
        </p>
      )}
    </section>
  );
}
