import type { Database } from "../../db/client";
import type { Manifest } from "../../integrations/sdk/src/manifest";
import { DomainError } from "../errors";
import { assertUsable, IntegrationVersionError, loadIntegrationVersion, type IntegrationVersion } from "../integrations/versions";

type TriggerManifest = Manifest["triggers"][number];

/**
 * The integration trigger a workflow's trigger node names, checked the way a step's action is: the version
 * exists, is runnable and verified, the workspace may use it, and it has a trigger of that key and kind.
 * Problems are the user's to fix, so they are BAD_REQUEST naming the integration.
 */
export async function integrationTrigger(
  db: Database,
  workspaceId: string,
  ref: { integration: string; version: string; key: string },
  kind: "polling" | "webhook",
): Promise<{ version: IntegrationVersion; trigger: TriggerManifest }> {
  let version: IntegrationVersion;
  try {
    version = await loadIntegrationVersion(db, ref);
    await assertUsable(db, workspaceId, version);
  } catch (err) {
    if (err instanceof IntegrationVersionError) throw new DomainError("BAD_REQUEST", err.message);
    throw err;
  }
  const trigger = version.manifest.triggers.find((t) => t.key === ref.key);
  if (!trigger) throw new DomainError("BAD_REQUEST", `${version.slug}@${version.version} has no trigger "${ref.key}".`);
  if (trigger.kind !== kind) throw new DomainError("BAD_REQUEST", `${version.slug}'s trigger "${ref.key}" is a ${trigger.kind} trigger, not a ${kind} one.`);
  return { version, trigger };
}
