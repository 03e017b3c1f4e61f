import { createHash } from "node:crypto";
import type ivm from "isolated-vm";
import { SandboxConfigError } from "../errors";

export type BundleEntry = { source: string; cachedData?: ivm.ExternalCopy<ArrayBuffer> };

/**
 * Bundle sources and V8 code caches by bundle hash, least recently used first out. The code cache (bytes V8
 * produced when it first compiled the bundle) makes compiling the same bundle in a new isolate several times
 * faster; it is only ever produced here, never accepted from outside (it is machine code).
 */
export class BundleCache {
  private readonly entries = new Map<string, BundleEntry>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  /** The source for `hash`, verifying it the first time (a wrong hash would poison the cache for everyone). */
  add(hash: string, source: string): void {
    if (this.entries.has(hash)) return;
    const actual = createHash("sha256").update(source).digest("hex");
    if (actual !== hash.toLowerCase()) throw new SandboxConfigError(`Bundle hash mismatch: expected ${hash.slice(0, 16)}…, the bundle hashes to ${actual.slice(0, 16)}….`);
    this.entries.set(hash, { source });
    this.bytes += source.length;
    this.evict();
  }

  get(hash: string): BundleEntry | undefined {
    const entry = this.entries.get(hash);
    if (entry) {
      // Re-insert to mark as most recently used.
      this.entries.delete(hash);
      this.entries.set(hash, entry);
    }
    return entry;
  }

  setCachedData(hash: string, data: ivm.ExternalCopy<ArrayBuffer> | undefined): void {
    const entry = this.entries.get(hash);
    if (entry && data) entry.cachedData = data;
  }

  private evict(): void {
    for (const [hash, entry] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) return;
      this.entries.delete(hash);
      this.bytes -= entry.source.length;
      entry.cachedData?.release();
    }
  }
}
