import type ivm from "isolated-vm";
import { SandboxLimitError } from "../errors";
import type { ExecutionState } from "./execution-state";

type Watched = { isolate: ivm.Isolate; state: ExecutionState; cpuStart: bigint; heapBusy: boolean; lastHeapAt: number };

const HEAP_SAMPLE_MS = 25;

/**
 * One timer for all running executions. The guest runs on isolated-vm's threads, so this (main) thread stays
 * free to look at the clock: isolate.cpuTime includes the slice running right now, and an isolate past its
 * CPU or wall limit is terminated within one tick. Heap is sampled with the async statistics call, which
 * answers when the isolate is between tasks (awaiting a fetch, say); the final sample comes from the caller.
 */
export class Watchdog {
  private readonly watched = new Set<Watched>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly tickMs = 5) {}

  /** Starts watching; the returned function stops it and records the final CPU time. */
  watch(isolate: ivm.Isolate, state: ExecutionState): () => void {
    const entry: Watched = { isolate, state, cpuStart: isolate.cpuTime, heapBusy: false, lastHeapAt: 0 };
    this.watched.add(entry);
    this.timer ??= setInterval(() => this.tick(), this.tickMs);
    return () => {
      this.check(entry);
      this.watched.delete(entry);
      if (this.watched.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private tick(): void {
    const now = performance.now();
    for (const entry of this.watched) {
      this.check(entry);
      if (!entry.heapBusy && now - entry.lastHeapAt >= HEAP_SAMPLE_MS && !entry.state.failure && !entry.isolate.isDisposed) {
        entry.heapBusy = true;
        entry.lastHeapAt = now;
        // A promise wrapper, because a call on an isolate disposed a moment ago throws synchronously.
        new Promise<ivm.HeapStatistics>((resolve) => resolve(entry.isolate.getHeapStatistics()))
          .then((s) => recordHeap(entry.state, s))
          .catch(() => {})
          .finally(() => (entry.heapBusy = false));
      }
    }
  }

  private check({ isolate, state, cpuStart }: Watched): void {
    if (state.failure) return;
    try {
      state.cpuMs = Number(isolate.cpuTime - cpuStart) / 1e6;
    } catch {
      // Disposed since the last tick (V8 gave up on it, or the execution just ended): nothing left to measure.
    }
    const { cpuMs, wallMs } = state.limits;
    if (state.cpuMs > cpuMs) {
      state.fail(new SandboxLimitError("cpu", `The action used more than ${cpuMs} ms of CPU time (limit cpu).`));
    } else if (state.wallMs() > wallMs) {
      state.fail(new SandboxLimitError("wall", `The action ran for more than ${wallMs} ms (limit wall).`));
    }
  }
}

export function recordHeap(state: ExecutionState, stats: ivm.HeapStatistics): void {
  state.heapPeakBytes = Math.max(state.heapPeakBytes, stats.used_heap_size + stats.externally_allocated_size);
}
