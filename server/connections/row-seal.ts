import type { connections } from "../../db/schema";
import { vaultKeyring, type Keyring } from "./keyring";
import { seal, unseal, type Sealed } from "./seal";

type Row = Pick<typeof connections.$inferSelect, "id" | "workspaceId" | "ciphertext" | "keyVersion">;

/** Seals a connection's secrets under the current key, bound to this row's workspace and id. */
export function sealConnection(workspaceId: string, connectionId: string, secrets: Record<string, string>, keyring: Keyring = vaultKeyring()): Sealed {
  return seal(keyring, { purpose: "connection", workspaceId, rowId: connectionId }, secrets);
}

export function unsealConnection(row: Row, keyring: Keyring = vaultKeyring()): Record<string, string> {
  return unseal(keyring, { purpose: "connection", workspaceId: row.workspaceId, rowId: row.id }, row);
}
