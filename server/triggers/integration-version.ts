import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { integrations, integrationVersions } from "../../db/schema";
import { parseManifest, type Manifest } from "../../integrations/sdk/src/manifest";
import { DomainError } from "../errors";

export type LoadedIntegration = { slug: string; version: string; manifest: Manifest; bundle: string; sha256: string };
type TriggerManifest = Manifest["triggers"][number];

/** An approved integration version with its bundle: what a trigger's entries run. */
export async function loadIntegrationVersion(db: Database, ref: { integration: string; version: string }): Promise<LoadedIntegration> {
  const [row] = await db
    .select({ slug: integrations.slug, version: integrationVersions.version, manifest: integrationVersions.manifest, bundle: integrationVersions.bundle, sha256: integrationVersions.sha256, status: integrationVersions.status })
    .from(integrationVersions)
    .innerJoin(integrations, eq(integrations.id, integrationVersions.integrationId))
    .where(and(eq(integrations.slug, ref.integration), eq(integrationVersions.version, ref.version)))
    .limit(1);
  if (!row) throw new DomainError("BAD_REQUEST", `Integration ${ref.integration}@${ref.version} is not available.`);
  if (row.status !== "approved" && row.status !== "deprecated") throw new DomainError("BAD_REQUEST", `Integration ${ref.integration}@${ref.version} is ${row.status.replace("_", " ")}, so its triggers cannot run.`);
  return { slug: row.slug, version: row.version, manifest: parseManifest(row.manifest), bundle: row.bundle.toString("utf8"), sha256: row.sha256 };
}

/** The trigger's manifest entry, checked to be of the kind the workflow's trigger node says. */
export function triggerManifestOf(integration: LoadedIntegration, key: string, kind: "polling" | "webhook"): TriggerManifest {
  const trigger = integration.manifest.triggers.find((t) => t.key === key);
  if (!trigger) throw new DomainError("BAD_REQUEST", `${integration.slug}@${integration.version} has no trigger "${key}".`);
  if (trigger.kind !== kind) throw new DomainError("BAD_REQUEST", `${integration.slug}'s trigger "${key}" is a ${trigger.kind} trigger, not a ${kind} one.`);
  return trigger;
}
