"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { SelectField, TextAreaField, TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, formMessageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { buildPayload, type BodyRow, type FieldType, type PairRow, type PayloadForm } from "./payload-form";

const TYPES: { value: FieldType; label: string }[] = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "Yes/no" },
  { value: "null", label: "Empty" },
  { value: "json", label: "JSON" },
];
const METHODS = ["POST", "GET", "PUT", "PATCH", "DELETE"] as const;
const input = "h-8 min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** A new named test fixture from trigger data entered field by field (or, for those who prefer, as JSON). */
export function FixtureDialog({ open, onClose, ids, onCreated }: { open: boolean; onClose: () => void; ids: { workspaceId: string; workflowId: string }; onCreated: (id: string) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New test fixture" description="Trigger data for test runs of the draft: steps read it as {{ trigger.body.… }}. Never used by a published run." testId="fixture-dialog">
      <FixtureForm ids={ids} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function FixtureForm({ ids, onClose, onCreated }: { ids: { workspaceId: string; workflowId: string }; onClose: () => void; onCreated: (id: string) => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [form, setForm] = useState<PayloadForm>({ method: "POST", headers: [], query: [], body: [{ path: "", type: "text", value: "" }] });
  const [asJson, setAsJson] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.fixture.create.mutationOptions({
      onSuccess: ({ id }) => {
        toast.show(`Test fixture "${name.trim()}" saved`);
        void queryClient.invalidateQueries({ queryKey: trpc.fixture.list.pathKey() });
        onCreated(id);
        onClose();
      },
    }),
  );
  const server = fieldErrorsOf(create.error);
  const submit = () => {
    const built = buildPayload(form);
    let body: unknown = built.ok ? built.payload.body : undefined;
    const errs: Record<string, string> = built.ok ? {} : { ...built.errors };
    if (asJson !== null) {
      // The JSON text replaces the body rows: only their headers and query count.
      for (const k of Object.keys(errs)) if (k.startsWith("body.")) delete errs[k];
      try {
        body = JSON.parse(asJson);
      } catch (err) {
        errs.json = `The body is not JSON: ${(err as Error).message}`;
      }
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const headers = built.ok ? built.payload.headers : {};
    const query = built.ok ? built.payload.query : {};
    create.mutate({ ...ids, name, from: { kind: "manual", payload: { method: form.method, headers, query, body } } });
  };
  const setRow = (i: number, patch: Partial<BodyRow>) => setForm((f) => ({ ...f, body: f.body.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  return (
    <Form className="space-y-4" onSubmit={submit}>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={server.name?.[0]} placeholder="Order from Ada" data-autofocus maxLength={120} />
      <SelectField label="Method" value={form.method} onChange={(e) => setForm((f) => ({ ...f, method: e.target.value as PayloadForm["method"] }))} options={METHODS.map((m) => ({ value: m, label: m }))} />
      {asJson === null ? (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Body fields</legend>
          {form.body.map((row, i) => (
            <div key={i} className="space-y-1">
              <div className="flex gap-1.5">
                <input aria-label={`Field ${i + 1} path`} placeholder="user.email" className={`${input} flex-1 font-mono`} value={row.path} onChange={(e) => setRow(i, { path: e.target.value })} />
                <select aria-label={`Field ${i + 1} type`} className={`${input} w-24`} value={row.type} onChange={(e) => setRow(i, { type: e.target.value as FieldType })}>
                  {TYPES.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
                {row.type === "boolean" ? (
                  <select aria-label={`Field ${i + 1} value`} className={`${input} flex-1`} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })}>
                    <option value="">Choose…</option>
                    <option value="true">true</option>
                    <option value="false">false</option>
                  </select>
                ) : (
                  <input aria-label={`Field ${i + 1} value`} disabled={row.type === "null"} className={`${input} flex-1`} value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
                )}
                <Button size="sm" variant="ghost" aria-label={`Remove field ${i + 1}`} onClick={() => setForm((f) => ({ ...f, body: f.body.filter((_, j) => j !== i) }))}>
                  ×
                </Button>
              </div>
              {errors[`body.${i}`] && <p className="text-xs text-red-600 dark:text-red-400">{errors[`body.${i}`]}</p>}
            </div>
          ))}
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setForm((f) => ({ ...f, body: [...f.body, { path: "", type: "text", value: "" }] }))}>
              Add field
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAsJson(bodyText(form))}>
              Write the body as JSON
            </Button>
          </div>
        </fieldset>
      ) : (
        <div className="space-y-1">
          <TextAreaField label="Body (JSON)" rows={6} spellCheck={false} className="font-mono text-xs" value={asJson} onChange={(e) => setAsJson(e.target.value)} error={errors.json} />
          <Button size="sm" variant="ghost" onClick={() => setAsJson(null)}>
            Back to fields
          </Button>
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Headers and query parameters</summary>
        <div className="mt-2 space-y-3">
          <Pairs label="Header" rows={form.headers} errors={errors} prefix="headers" onChange={(headers) => setForm((f) => ({ ...f, headers }))} />
          <Pairs label="Query parameter" rows={form.query} errors={errors} prefix="query" onChange={(query) => setForm((f) => ({ ...f, query }))} />
        </div>
      </details>
      <FormError message={server.payload?.[0] ?? formMessageOf(create.error)} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={create.isPending}>
          Save fixture
        </Button>
      </DialogActions>
    </Form>
  );
}

function Pairs({ label, rows, errors, prefix, onChange }: { label: string; rows: PairRow[]; errors: Record<string, string>; prefix: string; onChange: (rows: PairRow[]) => void }) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}s</legend>
      {rows.map((r, i) => (
        <div key={i} className="space-y-1">
          <div className="flex gap-1.5">
            <input aria-label={`${label} ${i + 1} name`} className={`${input} flex-1 font-mono`} value={r.key} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
            <input aria-label={`${label} ${i + 1} value`} className={`${input} flex-1`} value={r.value} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
            <Button size="sm" variant="ghost" aria-label={`Remove ${label.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              ×
            </Button>
          </div>
          {errors[`${prefix}.${i}`] && <p className="text-xs text-red-600 dark:text-red-400">{errors[`${prefix}.${i}`]}</p>}
        </div>
      ))}
      <Button size="sm" variant="ghost" onClick={() => onChange([...rows, { key: "", value: "" }])}>
        Add {label.toLowerCase()}
      </Button>
    </fieldset>
  );
}

/** The rows so far as JSON text, to carry on with in the JSON box (empty when the rows have problems). */
function bodyText(form: PayloadForm): string {
  const built = buildPayload(form);
  return JSON.stringify(built.ok ? built.payload.body : {}, null, 2);
}
