"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
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

type Spec = CatalogEntry["connections"][number];
type Props = { open: boolean; onClose: () => void; workspaceId: string; integration: string; integrationName: string; specs: Spec[]; onConnected: (connectionId: string) => void };

/**
 * "Connect new" from a step's connection picker, without leaving the editor: the integration's own connection
 * kinds (from its manifest), an API key, a user and password or its custom fields saved at once, or OAuth2 in a
 * popup whose callback page reports back here (see oauth-popup.ts). The new connection is then selected.
 */
export function ConnectDialog({ open, onClose, workspaceId, integration, integrationName, specs, onConnected }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [which, setWhich] = useState(0);
  const spec = specs[which] ?? specs[0];
  const [name, setName] = useState(integrationName);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [waiting, setWaiting] = useState<string | null>(null);
  const [popupError, setPopupError] = useState<string | null>(null);
  const done = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.connection.list.queryKey({ workspaceId }) });
    onConnected(id);
    close();
  };
  const create = useMutation(trpc.connection.create.mutationOptions({ onSuccess: (c) => done(c.id) }));
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
    if (!open) return;
    const onMessage = (e: MessageEvent) => {
      const reply = readOAuthReply(e, window.location.origin);
      if (!reply) return;
      if (reply.connectionId) void done(reply.connectionId);
      else setPopupError(reply.error ?? "The provider did not connect.");
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  });
  const custom = useMemo(() => (spec && spec.kind === "custom" ? connectionFormSchema(spec.fields, spec.name) : null), [spec]);
  const tree = useMemo(() => (custom ? buildFields(custom.schema) : null), [custom]);
  const customValues = custom?.wrapped ? { [WRAP_KEY]: values } : values;
  const setCustomValues = (next: Record<string, unknown>) => setValues(custom?.wrapped ? ((next[WRAP_KEY] as Record<string, unknown> | undefined) ?? {}) : next);

  function close() {
    setValues({});
    setWaiting(null);
    setPopupError(null);
    create.reset();
    oauth.reset();
    onClose();
  }
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const put = (k: string) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });
  const error = spec?.kind === "oauth2" ? oauth.error : create.error;
  const errors = fieldErrorsOf(error);
  const submit = () => {
    if (!spec) return;
    setPopupError(null);
    const base = { workspaceId, name, integrationSlug: integration };
    if (spec.kind === "oauth2") oauth.mutate({ ...base, authorizeUrl: spec.authorizeUrl, tokenUrl: spec.tokenUrl, scopes: spec.scopes, clientId: text("clientId"), clientSecret: text("clientSecret") });
    else if (spec.kind === "api_key") create.mutate({ ...base, kind: "api_key", fields: { apiKey: text("apiKey") } });
    else if (spec.kind === "basic") create.mutate({ ...base, kind: "basic", fields: { username: text("username"), password: text("password") } });
    else create.mutate({ ...base, kind: "custom", fields: connectionFieldValues(values) });
  };

  return (
    <Dialog open={open} onClose={close} title={`Connect ${integrationName}`} description={spec?.description || "Saved encrypted; the secret is never shown again."} testId="connect-dialog">
      {!spec ? (
        <p className="text-sm">This integration declares no connection.</p>
      ) : (
        <Form aria-label={`Connect ${integrationName}`} className="space-y-3" onSubmit={submit}>
          <FormError message={formMessageOf(error) ?? popupError} testId="connect-error" />
          {specs.length > 1 && (
            <SelectField label="Kind" value={String(which)} onChange={(e) => (setWhich(Number(e.target.value)), setValues({}))} options={specs.map((s, i) => ({ value: String(i), label: s.name }))} />
          )}
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
              {errors.fields?.[0] && <p className="text-sm text-red-600 dark:text-red-400">{errors.fields[0]}</p>}
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
            </>
          )}
          {oauth.isSuccess && !waiting && !popupError && <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">Finish signing in in the popup; this dialog closes when the connection is saved.</p>}
          {oauth.error && !formMessageOf(oauth.error) && !Object.keys(errors).length && <p className="text-sm text-red-600">{messageOf(oauth.error)}</p>}
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={create.isPending || oauth.isPending}>
              {spec.kind === "oauth2" ? "Continue to the provider" : "Save and use"}
            </Button>
          </DialogActions>
        </Form>
      )}
    </Dialog>
  );
}
