import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { installations, integrations, integrationVersions } from "../../db/schema";
import { parseManifest, type Manifest } from "@junction/sdk";
import { bundleSignatureValid, signBundle } from "./bundle-signature";

/**
 * Integration versions as the worker runs them: one immutable row per (integration slug, version) holding the
 * manifest, the bundle's bytes, their sha256 and the platform's signature. `loadIntegrationVersion` is the one
 * way code gets from the database into a sandbox: it re-hashes the bytes and verifies the signature every time
 * it reads a row (the version cache keeps the verified result, so that is once per worker per version).
 */
export type IntegrationVersion = {
  /** integrations.id (uuid): the scope of ctx.store and ctx.secrets, with the workspace. */
  integrationId: string;
  slug: string;
  name: string;
  official: boolean;
  versionId: string;
  version: string;
  status: string;
  manifest: Manifest;
  bundle: string;
  /** sha256 hex of the bundle: the sandbox's compile-cache key. */
  bundleHash: string;
};

export type VersionRef = { integration: string; version: string };

/** What went wrong loading a version; `retryable` is false for all of them (the same row fails the same way). */
export class IntegrationVersionError extends Error {
  override name = "IntegrationVersionError";
  constructor(
    readonly code: "not_found" | "not_runnable" | "tampered" | "not_installed",
    message: string,
  ) {
    super(message);
  }
}

/** Statuses a version may run in: approved, or deprecated (still works for workflows pinned to it). */
export const RUNNABLE = new Set(["approved", "deprecated"]);

export const sha256Hex = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Loads and verifies one version. Throws IntegrationVersionError naming the integration and version. */
export async function loadIntegrationVersion(db: Database, ref: VersionRef): Promise<IntegrationVersion> {
  const [row] = await db
    .select({ i: integrations, v: integrationVersions })
    .from(integrationVersions)
    .innerJoin(integrations, eq(integrations.id, integrationVersions.integrationId))
    .where(and(eq(integrations.slug, ref.integration), eq(integrationVersions.version, ref.version)))
    .limit(1);
  const name = `${ref.integration}@${ref.version}`;
  if (!row) throw new IntegrationVersionError("not_found", `Integration ${name} does not exist.`);
  if (!RUNNABLE.has(row.v.status)) throw new IntegrationVersionError("not_runnable", `Integration ${name} is ${row.v.status.replace("_", " ")} and cannot run.`);
  const actual = sha256Hex(row.v.bundle);
  const signed = { slug: row.i.slug, version: row.v.version, sha256: row.v.sha256 };
  if (actual !== row.v.sha256 || !bundleSignatureValid(signed, row.v.signature)) {
    throw new IntegrationVersionError("tampered", `Integration ${name} failed verification: its bundle does not match the signed hash. It will not run.`);
  }
  return {
    integrationId: row.i.id,
    slug: row.i.slug,
    name: row.i.name,
    official: row.i.official,
    versionId: row.v.id,
    version: row.v.version,
    status: row.v.status,
    manifest: parseManifest(row.v.manifest),
    bundle: row.v.bundle.toString("utf8"),
    bundleHash: actual,
  };
}

/**
 * A workspace may run official integrations, and others it has installed (at any runnable version: the graph
 * pins the version). Checked per step, so uninstalling takes effect on the next step.
 */
export async function assertUsable(db: Database, workspaceId: string, v: IntegrationVersion): Promise<void> {
  if (v.official) return;
  const row = await db.query.installations.findFirst({ where: and(eq(installations.workspaceId, workspaceId), eq(installations.integrationId, v.integrationId)) });
  if (!row) throw new IntegrationVersionError("not_installed", `Integration ${v.slug} is not installed in this workspace.`);
}

export type NewVersion = { slug: string; name: string; official: boolean; manifest: Manifest; bundle: string; status: "approved" | "pending_review"; ownerId?: string };

/**
 * Stores a version (signed), creating the integration if needed. Idempotent: an existing (slug, version) is left
 * as it is — versions are immutable — and returned with `created: false`.
 */
export async function storeVersion(db: Database, v: NewVersion): Promise<{ integrationId: string; versionId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.insert(integrations).values({ slug: v.slug, name: v.name, official: v.official, ownerId: v.ownerId ?? null }).onConflictDoNothing({ target: integrations.slug });
    const integration = (await tx.query.integrations.findFirst({ where: eq(integrations.slug, v.slug) }))!;
    const sha256 = sha256Hex(v.bundle);
    const [inserted] = await tx
      .insert(integrationVersions)
      .values({
        integrationId: integration.id,
        version: v.manifest.version,
        manifest: v.manifest,
        bundle: Buffer.from(v.bundle, "utf8"),
        sha256,
        signature: v.status === "approved" ? signBundle({ slug: v.slug, version: v.manifest.version, sha256 }) : null,
        status: v.status,
      })
      .onConflictDoNothing({ target: [integrationVersions.integrationId, integrationVersions.version] })
      .returning({ id: integrationVersions.id });
    if (inserted) return { integrationId: integration.id, versionId: inserted.id, created: true };
    const existing = (await tx.query.integrationVersions.findFirst({
      where: and(eq(integrationVersions.integrationId, integration.id), eq(integrationVersions.version, v.manifest.version)),
    }))!;
    return { integrationId: integration.id, versionId: existing.id, created: false };
  });
}
