import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage } from "@junction/cli";
import type { Database } from "../../db/client";
import { storeVersion } from "./versions";

const OFFICIAL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../integrations/official");

/** The official packages in integrations/official/<slug>/ (a folder with src/index.ts). */
export async function officialPackageDirs(root = OFFICIAL_DIR): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    if (await stat(path.join(dir, "src", "index.ts")).then(() => true, () => false)) dirs.push(dir);
  }
  return dirs;
}

/**
 * Builds every official package with the same CLI authors use and stores it as an approved, signed version of an
 * official integration. Idempotent: a version already stored is left alone (versions are immutable), so a
 * changed official package needs a new version number to reach the database.
 */
export async function seedOfficialIntegrations(db: Database): Promise<{ slug: string; version: string; created: boolean }[]> {
  const out = await mkdtemp(path.join(tmpdir(), "junction-seed-"));
  try {
    const seeded = [];
    for (const dir of await officialPackageDirs()) {
      const built = await buildPackage(dir, { outDir: path.join(out, path.basename(dir)) });
      const { created } = await storeVersion(db, { slug: built.manifest.id, name: built.manifest.name, official: true, manifest: built.manifest, bundle: built.bundle, status: "approved" });
      seeded.push({ slug: built.manifest.id, version: built.manifest.version, created });
    }
    return seeded;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
