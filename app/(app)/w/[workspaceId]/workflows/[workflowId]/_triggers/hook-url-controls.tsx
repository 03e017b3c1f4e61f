"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Dialog, DialogActions } from "@/app/_components/dialog";
import { SelectField } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { useToast } from "@/app/_components/toast";
import { messageOf } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/react";
import { CopyUrlButton } from "./copy-url-button";

type Ids = { workspaceId: string; workflowId: string };
type Endpoint = { disabledAt: Date | null; previousUrlAcceptedUntil: Date | null };
type Grace = "none" | "1h" | "24h" | "7d";

const GRACE_OPTIONS: { value: Grace; label: string }[] = [
  { value: "none", label: "No: it stops working at once" },
  { value: "1h", label: "For 1 hour" },
  { value: "24h", label: "For 24 hours" },
  { value: "7d", label: "For 7 days" },
];

const absoluteUrl = (path: string) => (typeof window === "undefined" ? path : `${window.location.origin}${path}`);

/**
 * Revoking a hook URL (for editors): rotate it behind a confirm dialog that then shows the new URL and until when
 * the old one works, or disable it (404 to every delivery, the workflow stays active) and enable it again.
 */
export function HookUrlControls({ ids, endpoint, onChanged }: { ids: Ids; endpoint: Endpoint; onChanged: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<Grace>("24h");
  const rotate = useMutation(trpc.webhook.rotateUrl.mutationOptions({ onSuccess: onChanged }));
  const enable = useMutation(
    trpc.webhook.setEnabled.mutationOptions({
      onSuccess: (v) => {
        toast.show(v.disabledAt ? "Webhook disabled: deliveries get 404" : "Webhook enabled");
        onChanged();
      },
      onError: (e) => toast.show(messageOf(e), "error"),
    }),
  );
  const close = () => {
    setOpen(false);
    rotate.reset();
  };
  const rotated = rotate.data;
  const disabled = endpoint.disabledAt !== null;

  return (
    <div className="space-y-1.5">
      {endpoint.previousUrlAcceptedUntil && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="previous-url-status">
          The previous URL still works until {new Date(endpoint.previousUrlAcceptedUntil).toLocaleString()}.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
          Rotate URL…
        </Button>
        <Button size="sm" variant={disabled ? "primary" : "ghost"} pending={enable.isPending} onClick={() => enable.mutate({ ...ids, enabled: disabled })}>
          {disabled ? "Enable" : "Disable"}
        </Button>
      </div>

      <Dialog
        open={open}
        onClose={close}
        title={rotated ? "New webhook URL" : "Rotate the webhook URL?"}
        testId="rotate-url-dialog"
        description={
          rotated
            ? "Give the sender this URL."
            : "The workflow gets a new URL; senders must be switched to it. Anyone who saw the old URL can no longer trigger the workflow once it stops working."
        }
      >
        {rotated ? (
          <div className="space-y-3">
            <div className="flex items-center gap-2">
              <input readOnly aria-label="New webhook URL" value={absoluteUrl(rotated.path)} onFocus={(ev) => ev.currentTarget.select()} className="block h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950" />
              <CopyUrlButton text={absoluteUrl(rotated.path)} />
            </div>
            <p className="text-sm" data-testid="old-url-until">
              {rotated.previousUrlAcceptedUntil ? `The old URL works until ${new Date(rotated.previousUrlAcceptedUntil).toLocaleString()}.` : "The old URL no longer works."}
            </p>
            <DialogActions>
              <Button onClick={close} data-autofocus>
                Done
              </Button>
            </DialogActions>
          </div>
        ) : (
          <>
            <SelectField label="Keep the old URL working" value={grace} onChange={(ev) => setGrace(ev.target.value as Grace)} options={GRACE_OPTIONS} hint="Time to switch the sender over; after it the old URL answers 404." />
            <FormError message={rotate.error ? messageOf(rotate.error) : null} />
            <DialogActions>
              <Button variant="secondary" onClick={close} data-autofocus>
                Cancel
              </Button>
              <Button variant="danger" pending={rotate.isPending} onClick={() => rotate.mutate({ ...ids, grace })}>
                Rotate URL
              </Button>
            </DialogActions>
          </>
        )}
      </Dialog>
    </div>
  );
}
