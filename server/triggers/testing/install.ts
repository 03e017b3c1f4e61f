import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPackage } from "@junction/cli";
import { getDb } from "../../../db/client";
import { installations } from "../../../db/schema";
import { storeVersion } from "../../integrations/versions";

/**
 * Builds the Acme fixture with the CLI (as publishing does), stores it as an approved, signed version and
 * installs it in the workspace: the path a marketplace integration takes before its triggers can run.
 */
export async function installAcme(workspaceId: string) {
  const built = await buildPackage(path.join(import.meta.dirname, "acme"), { outDir: await mkdtemp(path.join(tmpdir(), "junction-acme-")) });
  const stored = await storeVersion(getDb(), { slug: built.manifest.id, name: built.manifest.name, official: false, manifest: built.manifest, bundle: built.bundle, status: "approved" });
  await getDb().insert(installations).values({ workspaceId, integrationId: stored.integrationId, versionId: stored.versionId }).onConflictDoNothing();
  return built;
}
