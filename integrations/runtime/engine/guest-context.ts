import type ivm from "isolated-vm";
import type { Lease } from "./isolate-pool";

/** A context that has run the bootstrap (not the bundle) and the host's handles on its invoke and deliver. */
export type GuestContext = { context: ivm.Context; invoke: ivm.Reference; deliver: ivm.Reference };

/**
 * Creates a fresh context and runs the bootstrap in it. Only trusted code runs here, so the isolate pool may
 * do it ahead of time for an idle isolate: that takes context creation (most of a warm start) off the next
 * execution's path while still giving every execution a context nobody has used.
 */
export async function createGuestContext(lease: Lease): Promise<GuestContext> {
  const context = await lease.isolate.createContext();
  const entry = await lease.bootstrap.run(context, { reference: true });
  // Sync is safe: this lease is ours alone and the isolate is between tasks.
  const invoke = entry.getSync(0, { reference: true });
  const deliver = entry.getSync(1, { reference: true });
  entry.release();
  return { context, invoke, deliver };
}

export function releaseGuestContext(guest: GuestContext): void {
  guest.invoke.release();
  guest.deliver.release();
  guest.context.release();
}
