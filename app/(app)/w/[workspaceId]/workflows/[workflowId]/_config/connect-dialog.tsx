"use client";
import { Button } from "@/app/_components/button";
import { ConnectionForm, type ConnectionSpec } from "@/app/_components/connection-form/connection-form";
import { Dialog, DialogActions } from "@/app/_components/dialog";

type Props = { open: boolean; onClose: () => void; workspaceId: string; integration: string; integrationName: string; specs: ConnectionSpec[]; onConnected: (connectionId: string) => void };

/**
 * "Connect new" from a step's connection picker, without leaving the editor: the shared connection form (saved,
 * then tested) in a dialog; the new connection is then selected.
 */
export function ConnectDialog({ open, onClose, workspaceId, integration, integrationName, specs, onConnected }: Props) {
  const spec = specs[0];
  return (
    <Dialog open={open} onClose={onClose} title={`Connect ${integrationName}`} description={spec?.description || "Saved encrypted; the secret is never shown again."} testId="connect-dialog">
      <ConnectionForm
        workspaceId={workspaceId}
        integration={integration}
        integrationName={integrationName}
        specs={specs}
        submitLabel="Save and use"
        onSaved={(c) => {
          onConnected(c.id);
          onClose();
        }}
        actions={(submit) => (
          <DialogActions>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            {submit}
          </DialogActions>
        )}
      />
    </Dialog>
  );
}
