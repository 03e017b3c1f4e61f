import type { Database } from "../../db/client";
import { fieldError } from "../errors";
import { usableVersions } from "../integrations/catalog";
import type { ConnectionKind } from "./inputs";

const KIND_NAMES: Record<ConnectionKind, string> = { api_key: "API key", basic: "username and password", custom: "custom fields", oauth2: "OAuth2" };

/**
 * A connection is for an integration this workspace can use (an official one or one it installed), and of a kind
 * that integration's manifest declares; anything else would be a connection no step can ever use. Refused with a
 * message on the field that is wrong (`integrationSlug` or `kind`), which the form shows beside it.
 */
export async function assertDeclaredConnection(db: Database, workspaceId: string, integrationSlug: string, kind: ConnectionKind) {
  const version = (await usableVersions(db, workspaceId)).find((v) => v.slug === integrationSlug);
  if (!version) throw fieldError("integrationSlug", `"${integrationSlug}" is not an integration this workspace has: pick one from the list of installed integrations.`);
  const declared = version.manifest.connections;
  if (declared.length === 0) throw fieldError("integrationSlug", `${version.manifest.name} declares no connection: its steps need none.`);
  const spec = declared.find((c) => c.kind === kind);
  if (!spec) {
    const offered = declared.map((c) => `${c.name} (${KIND_NAMES[c.kind]})`).join(", ");
    throw fieldError("kind", `${version.manifest.name} has no ${KIND_NAMES[kind]} connection; it declares ${offered}.`);
  }
  return { version, spec };
}
