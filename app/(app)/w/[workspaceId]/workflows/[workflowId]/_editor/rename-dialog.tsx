"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { TextField } from "@/app/_components/field";
import type { Doc } from "@/app/_lib/graph-edit/doc";
import { renameStepOp } from "@/app/_lib/graph-edit/rename-step";
import type { Op } from "@/app/_lib/graph-edit/ops";

type Props = {
  /** The step being renamed, or null (closed). */
  stepId: string | null;
  doc: Doc | null;
  onClose: () => void;
  /** The rename as one operation, and the step's id after it. */
  onRename: (op: Op, id: string) => void;
};

/** Rename a step (from its menu): its name, and its id with every reference to it. Refusals show on the field. */
export function RenameDialog({ stepId, doc, onClose, onRename }: Props) {
  return (
    <Dialog open={stepId !== null} onClose={onClose} title={`Rename ${stepId ?? "step"}`} description="The id is what other steps use to refer to this one; changing it rewrites those references." testId="rename-dialog">
      {stepId && doc && <RenameForm key={stepId} stepId={stepId} doc={doc} onClose={onClose} onRename={onRename} />}
    </Dialog>
  );
}

function RenameForm({ stepId, doc, onClose, onRename }: { stepId: string; doc: Doc; onClose: () => void; onRename: Props["onRename"] }) {
  const node = doc.nodes.find((n) => n.id === stepId);
  const [label, setLabel] = useState(typeof node?.label === "string" ? node.label : "");
  const [id, setId] = useState(stepId);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = renameStepOp(doc, stepId, { label, id });
    if (!r.ok) return setError(r.error);
    if (r.op) onRename(r.op, r.id);
    onClose();
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <TextField label="Name" value={label} placeholder={stepId} maxLength={200} onChange={(e) => setLabel(e.target.value)} data-autofocus />
      <TextField
        label="Id"
        value={id}
        className="font-mono"
        spellCheck={false}
        hint="a-z, 0-9 and _, starting with a letter."
        error={error ?? undefined}
        onChange={(e) => {
          setId(e.target.value);
          setError(null);
        }}
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit">Rename</Button>
      </DialogActions>
    </form>
  );
}
