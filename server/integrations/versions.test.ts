import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { integrations, integrationVersions } from "../../db/schema";
import { parseManifest } from "@junction/sdk";
import { signBundle, platformSigningKey } from "./bundle-signature";
import { seedOfficialIntegrations } from "./seed-official";
import { createVersionCache } from "./version-cache";
import { loadIntegrationVersion, sha256Hex, storeVersion } from "./versions";

const manifest = (id: string, version = "1.0.0") => parseManifest({ id, name: id, version, author: "t", description: "d" });
const bundle = 'globalThis.__junction = { actions: { hi: { run: async () => "hi" } } };';
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { code: string; message: string });

describe("integration versions", () => {
  it("stores a signed version once and loads it verified", async () => {
    const first = await storeVersion(getDb(), { slug: "tiny", name: "Tiny", official: false, manifest: manifest("tiny"), bundle, status: "approved" });
    const again = await storeVersion(getDb(), { slug: "tiny", name: "Tiny", official: false, manifest: manifest("tiny"), bundle: "changed", status: "approved" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ ...first, created: false }); // immutable: the second bundle was not stored
    const v = await loadIntegrationVersion(getDb(), { integration: "tiny", version: "1.0.0" });
    expect(v).toMatchObject({ slug: "tiny", version: "1.0.0", bundle, bundleHash: sha256Hex(bundle), official: false });
  });

  it("refuses a tampered bundle, a foreign signature, an unapproved and a missing version, naming each", async () => {
    const { versionId } = await storeVersion(getDb(), { slug: "tamper", name: "T", official: false, manifest: manifest("tamper"), bundle, status: "approved" });
    const evil = 'globalThis.__junction = { actions: { hi: { run: async () => "pwned" } } };';
    // New bytes with a matching hash: only the signature can catch it.
    await getDb().update(integrationVersions).set({ bundle: Buffer.from(evil), sha256: sha256Hex(evil) }).where(eq(integrationVersions.id, versionId));
    expect(await errorOf(loadIntegrationVersion(getDb(), { integration: "tamper", version: "1.0.0" }))).toMatchObject({ code: "tampered", message: expect.stringContaining("tamper@1.0.0 failed verification") });
    const otherKey = platformSigningKey(randomBytes(32).toString("base64")).privateKey;
    await getDb().update(integrationVersions).set({ signature: signBundle({ slug: "tamper", version: "1.0.0", sha256: sha256Hex(evil) }, otherKey) }).where(eq(integrationVersions.id, versionId));
    expect(await errorOf(loadIntegrationVersion(getDb(), { integration: "tamper", version: "1.0.0" }))).toMatchObject({ code: "tampered" });

    await storeVersion(getDb(), { slug: "pending", name: "P", official: false, manifest: manifest("pending"), bundle, status: "pending_review" });
    expect(await errorOf(loadIntegrationVersion(getDb(), { integration: "pending", version: "1.0.0" }))).toMatchObject({ code: "not_runnable", message: "Integration pending@1.0.0 is pending review and cannot run." });
    expect(await errorOf(loadIntegrationVersion(getDb(), { integration: "nope", version: "9.9.9" }))).toMatchObject({ code: "not_found" });
  });

  it("caches verified versions, and notices a yank after the status TTL", async () => {
    const { versionId } = await storeVersion(getDb(), { slug: "yankme", name: "Y", official: false, manifest: manifest("yankme"), bundle, status: "approved" });
    const load = createVersionCache(getDb(), { statusTtlMs: 50 });
    const a = await load({ integration: "yankme", version: "1.0.0" });
    await getDb().update(integrationVersions).set({ status: "yanked" }).where(eq(integrationVersions.id, versionId));
    expect(await load({ integration: "yankme", version: "1.0.0" })).toBe(a); // within the TTL: the cached, verified entry
    await new Promise((r) => setTimeout(r, 80));
    expect(await errorOf(load({ integration: "yankme", version: "1.0.0" }))).toMatchObject({ code: "not_runnable" });
  });

  it("seeds the official packages idempotently (the template database already has them)", async () => {
    const before = await getDb().select().from(integrations).where(eq(integrations.official, true));
    expect(before.map((i) => i.slug).sort()).toEqual(["code", "http-request", "transform"]);
    const seeded = await seedOfficialIntegrations(getDb());
    expect(seeded.map((s) => [s.slug, s.created])).toEqual([["code", false], ["http-request", false], ["transform", false]]);
    expect(await getDb().select().from(integrations).where(eq(integrations.official, true))).toHaveLength(3);
    for (const [slug, version] of [["code", "1.0.0"], ["http-request", "1.2.0"], ["transform", "1.0.0"]] as const) await loadIntegrationVersion(getDb(), { integration: slug, version });
  });
});
