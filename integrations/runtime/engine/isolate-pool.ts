import ivm from "isolated-vm";
import { SandboxGuestError } from "../errors";
import { BOOTSTRAP_SOURCE } from "./bootstrap";
import type { BundleCache, BundleEntry } from "./bundle-cache";
import { createGuestContext, type GuestContext } from "./guest-context";

/**
 * Warm isolates, one bundle each, with the bootstrap and the bundle already compiled. A Script is bound to its
 * isolate, so "compiled code cached per bundle hash" means keeping the isolate. Each lease is exclusive: one
 * execution at a time owns the isolate, so the isolate's memory limit is that execution's heap limit, and every
 * execution gets a fresh context (new globals, new builtins). An isolate goes back to the pool only after a
 * clean finish; anything odd (a limit, a pending host call, a large heap) disposes it instead.
 */
export type Lease = {
  isolate: ivm.Isolate;
  bootstrap: ivm.Script;
  bundle: ivm.Script;
  /** Executions this isolate has served, including the current one. */
  uses: number;
  /** Called if V8 loses control of the isolate (an out-of-memory it could not contain). */
  onCatastrophe?: (message: string) => void;
  key: string;
  idleSince: number;
  /** A fresh context prepared while the isolate sat idle; take it with takeContext. */
  next?: Promise<GuestContext | undefined>;
};

/** The prepared context if there is one, else a new one. Either way, no execution has used it. */
export async function takeContext(lease: Lease): Promise<GuestContext> {
  const prepared = await lease.next;
  lease.next = undefined;
  return prepared ?? createGuestContext(lease);
}

/** isolated-vm sets these on the compiled Script; its type definitions omit them. */
type CompiledScript = ivm.Script & { cachedData?: ivm.ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };

export type PoolOptions = { maxIdle: number; maxUses: number; idleMs: number };
export const DEFAULT_POOL: PoolOptions = { maxIdle: 16, maxUses: 100, idleMs: 60_000 };

export class IsolatePool {
  private readonly idle: Lease[] = [];

  constructor(
    private readonly bundles: BundleCache,
    private readonly options: PoolOptions = DEFAULT_POOL,
  ) {}

  /** A warm isolate for this bundle and heap limit, or a new one (compiled with the code cache when we have it). */
  async acquire(bundleHash: string, heapMb: number, filename: string): Promise<Lease> {
    const key = `${bundleHash}:${heapMb}`;
    const index = this.idle.findLastIndex((l) => l.key === key);
    if (index >= 0) {
      const [lease] = this.idle.splice(index, 1);
      lease!.uses++;
      return lease!;
    }
    // Taken before the first await, so a burst of other bundles cannot evict this one mid-compile.
    const entry = this.bundles.get(bundleHash);
    if (!entry) throw new Error(`bundle ${bundleHash} is not in the cache`);
    const lease: Lease = { key, uses: 1, idleSince: 0 } as Lease;
    lease.isolate = new ivm.Isolate({ memoryLimit: heapMb, onCatastrophicError: (message) => lease.onCatastrophe?.(message) });
    try {
      lease.bootstrap = await lease.isolate.compileScript(BOOTSTRAP_SOURCE, { filename: "junction://bootstrap.js" });
      lease.bundle = await this.compileBundle(lease.isolate, bundleHash, entry, filename);
    } catch (error) {
      lease.isolate.dispose();
      throw error;
    }
    return lease;
  }

  release(lease: Lease, reusable: boolean): void {
    lease.onCatastrophe = undefined;
    if (!reusable || lease.isolate.isDisposed || lease.uses >= this.options.maxUses || this.options.maxIdle === 0) {
      dispose(lease);
      return;
    }
    lease.idleSince = performance.now();
    lease.next = createGuestContext(lease).catch(() => undefined);
    this.idle.push(lease);
    while (this.idle.length > this.options.maxIdle) dispose(this.idle.shift()!);
  }

  /** Disposes isolates idle for longer than idleMs (called from the watchdog's tick). */
  sweep(now = performance.now()): void {
    for (let i = this.idle.length - 1; i >= 0; i--) {
      if (now - this.idle[i]!.idleSince > this.options.idleMs) dispose(this.idle.splice(i, 1)[0]!);
    }
  }

  get idleCount(): number {
    return this.idle.length;
  }

  close(): void {
    while (this.idle.length) dispose(this.idle.pop()!);
  }

  private async compileBundle(isolate: ivm.Isolate, hash: string, entry: BundleEntry, filename: string): Promise<ivm.Script> {
    try {
      // With both options V8 produces new cache data only when it rejected ours (or we had none).
      const script: CompiledScript = await isolate.compileScript(entry.source, { filename, cachedData: entry.cachedData, produceCachedData: true });
      if (script.cachedData) this.bundles.setCachedData(hash, script.cachedData);
      return script;
    } catch (error) {
      // A syntax error: the integration's fault, reported like any other error its code raises.
      const e = error as { name?: unknown; message?: unknown };
      throw new SandboxGuestError(String(e.name ?? "SyntaxError"), `The bundle failed to compile: ${String(e.message ?? error).slice(0, 2000)}`);
    }
  }
}

function dispose(lease: Lease): void {
  if (!lease.isolate.isDisposed) lease.isolate.dispose();
}
