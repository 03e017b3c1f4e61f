"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { TextField } from "@/app/_components/field";
import { useToast } from "@/app/_components/toast";
import { fieldErrorsOf, messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import type { VerificationPreset } from "@/workflows/graph/webhook-config";
import { useWorkspace } from "@/app/(app)/w/[workspaceId]/workspace-context";
import { useWorkflowPage } from "@/app/(app)/w/[workspaceId]/workflows/[workflowId]/_page/workflow-page-context";
import { CopyUrlButton } from "./copy-url-button";
import { HookUrlControls } from "./hook-url-controls";

/** The verification presets of workflows/graph/webhook-config.ts, named for people. */
export const PRESETS: { value: VerificationPreset; label: string }[] = [
  { value: "none", label: "None (the URL is the secret)" },
  { value: "github", label: "GitHub (X-Hub-Signature-256)" },
  { value: "stripe", label: "Stripe (Stripe-Signature)" },
  { value: "slack", label: "Slack (v0 signature)" },
  { value: "standard_webhooks", label: "Standard Webhooks (v1 / v1a)" },
  { value: "hmac", label: "Generic HMAC of the body" },
  { value: "shared_secret", label: "Shared secret header" },
];

/**
 * A webhook trigger's URL (with a copy button, rotate and disable) and, when its verification preset needs one,
 * its secret, which can be set or rotated but is never shown again: the server does not send it. These act on
 * the live endpoint at once; the trigger's settings (webhook-form.tsx) are part of the draft.
 */
export function WebhookSection({ preset }: { preset: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const ws = useWorkspace();
  const { workflow } = useWorkflowPage();
  const ids = { workspaceId: workflow.workspaceId, workflowId: workflow.id };
  const endpoint = useQuery(trpc.webhook.get.queryOptions(ids));
  const [secret, setSecret] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhook.get.queryKey(ids) });
  const create = useMutation(trpc.webhook.create.mutationOptions({ onSuccess: refresh, onError: (e) => toast.show(messageOf(e), "error") }));
  const onDone = (what: string) => () => {
    setSecret("");
    toast.show(what);
    void refresh();
  };
  const set = useMutation(trpc.webhook.setSecret.mutationOptions({ onSuccess: onDone("Secret set") }));
  const rotate = useMutation(trpc.webhook.rotateSecret.mutationOptions({ onSuccess: onDone("Secret rotated: the old one is accepted for 24 hours") }));
  const clear = useMutation(trpc.webhook.clearSecrets.mutationOptions({ onSuccess: onDone("Secret removed") }));
  const pending = set.isPending || rotate.isPending || clear.isPending;
  const error = set.error ?? rotate.error ?? clear.error;
  const secretError = fieldErrorsOf(error).secret?.[0] ?? (error ? messageOf(error) : undefined);

  const e = endpoint.data;
  const url = e && typeof window !== "undefined" ? `${window.location.origin}${e.path}` : e?.path;
  const needsSecret = preset !== "none";
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    set.reset();
    rotate.reset();
    if (e?.secret.set) rotate.mutate({ ...ids, secret, overlapHours: 24 });
    else set.mutate({ ...ids, secret });
  };

  return (
    <div data-testid="webhook-section" className="space-y-4">
      <div className="space-y-1.5">
        <div className="flex items-center justify-between gap-2">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Webhook URL</h3>
          {e && (e.disabledAt ? <Badge tone="red" dot>Disabled</Badge> : e.active ? <Badge tone="green" dot>Listening</Badge> : <Badge>Not listening until active</Badge>)}
        </div>
        {endpoint.isPending ? (
          <div className="h-8 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-800" aria-label="Loading the webhook URL" />
        ) : endpoint.isError ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">{messageOf(endpoint.error)}</p>
        ) : e ? (
          <div className="flex items-center gap-2">
            <input readOnly aria-label="Webhook URL" value={url} onFocus={(ev) => ev.currentTarget.select()} className="block h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950" />
            <CopyUrlButton text={url ?? ""} />
          </div>
        ) : ws.canEdit ? (
          <Button size="sm" pending={create.isPending} onClick={() => create.mutate(ids)}>
            Create the URL
          </Button>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No URL yet: an editor creates it (or activates the workflow).</p>
        )}
        {e?.disabledAt && (
          <p className="text-sm text-red-700 dark:text-red-400" data-testid="webhook-disabled">
            Disabled since {new Date(e.disabledAt).toLocaleString()}: deliveries get 404 and start nothing. The workflow stays active.
          </p>
        )}
        {e && ws.canEdit && <HookUrlControls ids={ids} endpoint={e} onChanged={() => void refresh()} />}
      </div>

      {needsSecret && (
        <form onSubmit={submit} className="space-y-2" aria-label="Webhook secret">
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="secret-status">
            {e?.secret.set ? "A secret is set." : "No secret set: every delivery is refused until one is."}
            {e?.secret.previousAcceptedUntil && ` The previous one is accepted until ${new Date(e.secret.previousAcceptedUntil).toLocaleString()}.`}
          </p>
          {ws.canEdit && (
            <>
              <TextField
                label={e?.secret.set ? "New secret" : "Secret"}
                type="password"
                autoComplete="off"
                value={secret}
                onChange={(ev) => setSecret(ev.target.value)}
                error={secretError}
                hint={preset === "standard_webhooks" ? "whsec_… for v1 signatures, or the sender's whpk_… public key for v1a." : "Paste the secret the sender signs with."}
              />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" size="sm" pending={set.isPending || rotate.isPending} disabled={pending || secret.length === 0}>
                  {e?.secret.set ? "Rotate secret (keep the old one 24 h)" : "Set secret"}
                </Button>
                {e?.secret.set && (
                  <Button size="sm" variant="ghost" disabled={pending || secret.length === 0} onClick={() => set.mutate({ ...ids, secret })}>
                    Replace now
                  </Button>
                )}
                {e?.secret.set && (
                  <Button size="sm" variant="danger" pending={clear.isPending} disabled={pending} onClick={() => clear.mutate(ids)}>
                    Remove
                  </Button>
                )}
              </div>
            </>
          )}
        </form>
      )}
    </div>
  );
}
