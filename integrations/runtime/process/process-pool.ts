import { SandboxCancelledError } from "../errors";
import type { Limits } from "../limits";
import type { Resolver } from "../network/resolve";
import type { ExecuteRequest, SandboxProcessExit, SandboxResult } from "../types";
import type { ChildOptions } from "./protocol";
import { SandboxProcess } from "./sandbox-process";

export type ProcessPoolOptions = ChildOptions & {
  size: number;
  killGraceMs: number;
  resolver?: Resolver;
  /** A process ended while the pool was open (see SandboxHostOptions.onProcessExit). */
  onProcessExit?: (event: SandboxProcessExit) => void;
};

/**
 * A fixed number of sandbox process slots, each started on first use and replaced after it dies. An execution
 * goes to the process its bundle hash maps to (that process has the warm isolates and code cache for it),
 * unless that process is clearly busier than the least loaded one.
 */
export function createProcessPool(options: ProcessPoolOptions) {
  const slots: (SandboxProcess | undefined)[] = Array.from({ length: options.size }, () => undefined);
  let closed = false;

  function processAt(index: number): SandboxProcess {
    let current = slots[index];
    if (!current || !current.alive) {
      const { size: _size, killGraceMs, resolver, onProcessExit, ...child } = options;
      current = new SandboxProcess(child, resolver, killGraceMs);
      current.onExited = (event) => {
        if (!closed) onProcessExit?.(event);
      };
      slots[index] = current;
    }
    return current;
  }

  function pick(bundleHash: string): SandboxProcess {
    const preferred = parseInt(bundleHash.slice(0, 8), 16) % slots.length || 0;
    const loads = slots.map((p) => (p?.alive ? p.load : 0));
    const least = loads.indexOf(Math.min(...loads));
    return processAt(loads[preferred]! > loads[least]! + 4 ? least : preferred);
  }

  return {
    run(request: ExecuteRequest, limits: Limits): Promise<SandboxResult> {
      if (closed) return Promise.reject(new SandboxCancelledError("The sandbox host is closed."));
      return pick(request.bundleHash)
        .run(request, limits)
        .catch((error: unknown) => {
          // Whatever a killed process reports, after close() the truth is "cancelled".
          throw closed ? new SandboxCancelledError("The sandbox host was closed while this step ran.") : error;
        });
    },
    /** Process ids currently running (for tests and metrics). */
    pids: () => slots.flatMap((p) => (p?.alive && p.pid ? [p.pid] : [])),
    close(): void {
      closed = true;
      for (const p of slots) p?.kill(new SandboxCancelledError("The sandbox host was closed while this step ran."));
    },
  };
}
