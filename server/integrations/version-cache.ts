import type { Database } from "../../db/client";
import { loadIntegrationVersion, type IntegrationVersion, type VersionRef } from "./versions";

/**
 * The worker's cache of verified versions, keyed by (slug, version). Rows are immutable except for their status
 * (a version can be yanked), so an entry is re-read after `statusTtlMs`; the bundle is hashed and its signature
 * verified on each read. Compiled code is cached separately, by bundle hash, inside the sandbox processes.
 */
export type VersionLoader = (ref: VersionRef) => Promise<IntegrationVersion>;

export function createVersionCache(db: Database, { statusTtlMs = 30_000, max = 200 } = {}): VersionLoader {
  const entries = new Map<string, { at: number; value: Promise<IntegrationVersion> }>();
  return (ref) => {
    const key = `${ref.integration}@${ref.version}`;
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < statusTtlMs) return hit.value;
    const value = loadIntegrationVersion(db, ref);
    // Failures are not cached: a version approved a moment later should run on the next attempt.
    value.catch(() => entries.get(key)?.value === value && entries.delete(key));
    entries.delete(key);
    entries.set(key, { at: Date.now(), value });
    if (entries.size > max) entries.delete(entries.keys().next().value!);
    return value;
  };
}
