"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Button } from "@/app/_components/button";
import { SelectField, TextField } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { FormError } from "@/app/_components/form-error";
import { SchemaForm } from "@/app/_components/schema-form/schema-form";
import { connectionFieldValues, connectionFormSchema, WRAP_KEY } from "@/app/_lib/connection-form/connection-fields";
import { OAUTH_POPUP_NAME, readOAuthReply } from "@/app/_lib/connection-form/oauth-popup";
import { buildFields } from "@/app/_lib/schema-form/fields";
import { fieldErrorsOf, formMessageOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import type { CatalogEntry } from "@/server/integrations/catalog";

// The server checks the fields when the connection is saved (and the integration when it is used); its messages show above.
const NO_ISSUES = new Map<string, string>();

export type ConnectionSpec = CatalogEntry["connections"][number];
/** A saved connection whose test passed, or which has no test to run. */
export type SavedConnection = { id: string; name: string; tested: boolean };

type Props = {
  workspaceId: string;
  integration: string;
  integrationName: string;
  /** The connection kinds the integration's manifest declares. */
  specs: ConnectionSpec[];
  submitLabel: string;
  onSaved: (c: SavedConnection) => void;
  /** Where the buttons go (a dialog's action row); the submit button is given, any others are the caller's. */
  actions?: (submit: ReactNode) => ReactNode;
};

/**
 * The one form for a new connection, used by the Connections page and the editor's "Connect new" dialog: the
 * integration's own connection kinds (from its manifest), an API key, a user and password or its custom fields,
 * or OAuth2 in a popup whose callback page reports back here (see oauth-popup.ts). Saving runs the integration's
 * connection test on the worker; a failing test is shown above the form, with everything typed kept, and saving
 * again updates the same connection instead of adding another.
 */
export function ConnectionForm({ workspaceId, integration, integrationName, specs, submitLabel, onSaved, actions }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [which, setWhich] = useState(0);
  const spec = specs[which] ?? specs[0];
  const [name, setName] = useState(integrationName);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [saved, setSaved] = useState<{ id: string; fieldNames: string[] } | null>(null);
  const [testFailure, setTestFailure] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  const [popupError, setPopupError] = useState<string | null>(null);
  const refreshList = () => queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey({ workspaceId }) });

  const test = useMutation(trpc.connection.test.mutationOptions());
  // Saved: test it (when the manifest declares a test), then hand it over, or keep the form and say why not.
  async function afterSave(c: { id: string; name: string; fields?: Record<string, string> }) {
    setSaved({ id: c.id, fieldNames: Object.keys(c.fields ?? {}) });
    setTestFailure(null);
    if (!spec?.testable) {
      await refreshList();
      return onSaved({ id: c.id, name: c.name, tested: false });
    }
    const r = await test.mutateAsync({ workspaceId, connectionId: c.id }).catch((e: unknown) => ({ ok: false, message: messageOf(e) }));
    await refreshList();
    if (r.ok) onSaved({ id: c.id, name: c.name, tested: true });
    else setTestFailure(r.message ?? "The integration gave no reason.");
  }
  const create = useMutation(trpc.connection.create.mutationOptions({ onSuccess: afterSave }));
  const update = useMutation(trpc.connection.update.mutationOptions({ onSuccess: afterSave }));
  const oauth = useMutation(
    trpc.connection.oauthStart.mutationOptions({
      onSuccess: ({ authorizeUrl }) => {
        const popup = window.open(authorizeUrl, OAUTH_POPUP_NAME, "popup,width=560,height=720");
        setWaiting(popup ? null : authorizeUrl);
      },
    }),
  );
  // The popup's callback page posts the outcome back to this window (same origin only).
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const reply = readOAuthReply(e, window.location.origin);
      if (!reply) return;
      if (reply.connectionId) void afterSave({ id: reply.connectionId, name });
      else setPopupError(reply.error ?? "The provider did not connect.");
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  });
  const custom = useMemo(() => (spec && spec.kind === "custom" ? connectionFormSchema(spec.fields, spec.name) : null), [spec]);
  const tree = useMemo(() => (custom ? buildFields(custom.schema) : null), [custom]);
  const customValues = custom?.wrapped ? { [WRAP_KEY]: values } : values;
  const setCustomValues = (next: Record<string, unknown>) => setValues(custom?.wrapped ? ((next[WRAP_KEY] as Record<string, unknown> | undefined) ?? {}) : next);

  if (!spec) return <p className="text-sm">{integrationName} declares no connection.</p>;

  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const put = (k: string) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });
  const error = spec.kind === "oauth2" ? oauth.error : saved ? update.error : create.error;
  const errors = fieldErrorsOf(error);
  // Fields of an update are checked under `set`; the integration and kind are not fields here (they were picked).
  const fieldsError = (errors.fields ?? errors.set)?.[0];
  const general = formMessageOf(error) ?? errors.integrationSlug?.[0] ?? errors.kind?.[0] ?? popupError;
  const pending = create.isPending || update.isPending || oauth.isPending || test.isPending;

  function fieldsOf(): Record<string, string> {
    if (spec!.kind === "api_key") return { apiKey: text("apiKey") };
    if (spec!.kind === "basic") return { username: text("username"), password: text("password") };
    return connectionFieldValues(values);
  }
  function submit() {
    setPopupError(null);
    const base = { workspaceId, name, integrationSlug: integration };
    if (spec!.kind === "oauth2") return oauth.mutate({ ...base, authorizeUrl: spec!.authorizeUrl, tokenUrl: spec!.tokenUrl, scopes: spec!.scopes, clientId: text("clientId"), clientSecret: text("clientSecret") });
    const fields = fieldsOf();
    if (saved) return update.mutate({ workspaceId, connectionId: saved.id, name, set: fields, unset: saved.fieldNames.filter((f) => !(f in fields)) });
    if (spec!.kind === "api_key") create.mutate({ ...base, kind: "api_key", fields: { apiKey: fields.apiKey! } });
    else if (spec!.kind === "basic") create.mutate({ ...base, kind: "basic", fields: { username: fields.username!, password: fields.password! } });
    else create.mutate({ ...base, kind: "custom", fields });
  }
  const chooseKind = (i: number) => {
    setWhich(i);
    setValues({});
    setSaved(null); // another kind is another connection
    setTestFailure(null);
  };

  const submitButton = (
    <Button type="submit" pending={pending}>
      {spec.kind === "oauth2" ? "Continue to the provider" : test.isPending ? "Testing the connection…" : saved ? "Save again and test" : submitLabel}
    </Button>
  );
  return (
    <Form aria-label={`Connect ${integrationName}`} className="space-y-3" onSubmit={submit}>
      <FormError message={general} testId="connect-error" />
      <FormError message={testFailure && `Saved, but the connection test failed: ${testFailure} Change the fields and save again.`} testId="connection-test-error" />
      {specs.length > 1 && <SelectField label="Kind" value={String(which)} onChange={(e) => chooseKind(Number(e.target.value))} options={specs.map((s, i) => ({ value: String(i), label: s.name }))} />}
      <TextField label="Connection name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name?.[0]} maxLength={120} />
      {spec.kind === "api_key" && <TextField label="API key" type="password" autoComplete="off" value={text("apiKey")} onChange={put("apiKey")} error={(errors.apiKey ?? errors.fields)?.[0]} />}
      {spec.kind === "basic" && (
        <>
          <TextField label="Username" autoComplete="off" value={text("username")} onChange={put("username")} error={(errors.username ?? errors.fields)?.[0]} />
          <TextField label="Password" type="password" autoComplete="off" value={text("password")} onChange={put("password")} error={errors.password?.[0]} />
        </>
      )}
      {spec.kind === "custom" && tree && (
        <>
          <SchemaForm fields={tree.fields} truncated={tree.truncated} value={customValues} onChange={setCustomValues} issues={NO_ISSUES} />
          {fieldsError && <p className="text-sm text-red-600 dark:text-red-400">{fieldsError}</p>}
        </>
      )}
      {spec.kind === "oauth2" && (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Register the redirect URL {typeof window === "undefined" ? "" : window.location.origin}/api/oauth/callback with the provider.</p>
          <TextField label="Client id" autoComplete="off" value={text("clientId")} onChange={put("clientId")} error={errors.clientId?.[0]} />
          <TextField label="Client secret" type="password" autoComplete="off" value={text("clientSecret")} onChange={put("clientSecret")} error={errors.clientSecret?.[0]} />
          {waiting && (
            <p className="text-sm">
              The popup was blocked:{" "}
              <a href={waiting} target={OAUTH_POPUP_NAME} className="font-medium text-indigo-600 underline dark:text-indigo-400">
                sign in at the provider
              </a>
              , then come back here.
            </p>
          )}
          {oauth.isSuccess && !waiting && !popupError && !saved && <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">Finish signing in in the popup; the connection is saved when you come back.</p>}
        </>
      )}
      {test.isPending && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Saved; testing the connection…
        </p>
      )}
      {actions ? actions(submitButton) : <div className="flex justify-end">{submitButton}</div>}
    </Form>
  );
}
