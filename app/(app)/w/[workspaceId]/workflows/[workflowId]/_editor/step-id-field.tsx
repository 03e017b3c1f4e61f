"use client";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";

type Props = {
  id: string;
  /** Renames the step (references to it rewritten, one undoable edit); the reason when it cannot. Absent: read-only. */
  onRename?: (from: string, to: string) => string | null;
};

/**
 * A step's id, which other steps use to read its output ({{ steps.<id>.output }}): renamed on Enter or the
 * button, with every reference rewritten; a taken or malformed id is refused with the reason.
 */
export function StepIdField({ id, onRename }: Props) {
  const [value, setValue] = useState(id);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(id);
  // Another step selected, or the id changed by undo: show the new id.
  if (shown !== id) {
    setShown(id);
    setValue(id);
    setError(null);
  }
  const submit = () => {
    const to = value.trim();
    if (!onRename || to === id) return;
    setError(onRename(id, to));
  };
  return (
    <form
      className="flex items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="min-w-0 flex-1">
        <TextField
          label="Step id"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          disabled={!onRename}
          error={error ?? undefined}
          hint="Other steps refer to it as steps.<id>; renaming rewrites those references."
          className="font-mono"
          maxLength={63}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      {onRename && (
        <Button type="submit" size="sm" variant="secondary" disabled={value.trim() === id || value.trim() === ""} className="mt-7">
          Rename
        </Button>
      )}
    </form>
  );
}
