import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPackage } from "@junction/cli";
import { getDb } from "../../../db/client";
import { integrations, integrationVersions } from "../../../db/schema";

/** Builds the Acme fixture with the CLI (as publishing does) and stores it as an approved integration version. */
export async function installAcme() {
  const built = await buildPackage(path.join(import.meta.dirname, "acme"), { outDir: await mkdtemp(path.join(tmpdir(), "junction-acme-")) });
  const db = getDb();
  const [integration] = await db.insert(integrations).values({ slug: built.manifest.id, name: built.manifest.name }).returning();
  await db.insert(integrationVersions).values({
    integrationId: integration!.id,
    version: built.manifest.version,
    manifest: built.manifest,
    bundle: Buffer.from(built.bundle),
    sha256: built.sha256,
    status: "approved",
  });
  return built;
}
