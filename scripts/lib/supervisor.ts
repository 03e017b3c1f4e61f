import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { describeExit, signalGroup, type Child, type Exit } from "./processes";

/** `started` is the kernel's start time of the pid: with the pid it names one process, even if pids get reused. */
type Record = { name: string; pid: number; started: string };
/**
 * A kept child that crashed and waits for its restart. The web process reads it (server/ops/supervised.ts, which
 * repeats this shape) so /api/health can report the outage while it lasts.
 */
type Down = { name: string; exit: string; since: string; restartAt: string; crashes: number; limit: number; windowS: number };
/** The pid file: who supervises (to tell a live run from a dead one), its children, and which are down. */
type PidFile = { owner: Record; children: Record[]; down?: Down[] };

/**
 * When a crashed child is restarted, and when crashing is a loop that restarting will not fix. The first restart
 * waits half a second (a process killed by accident, or by the OOM killer, comes straight back), each further
 * one in the window twice as long, up to 10 s (a dependency that is down gets time to return without a flood of
 * restarts). 5 crashes within 60 s is a loop (a bad deploy, a corrupt file): stopping with its last output says
 * more than restarting forever. JUNCTION_CRASH_LOOP_LIMIT / JUNCTION_CRASH_LOOP_WINDOW_S change the last two.
 */
export const RESTART_FIRST_DELAY_MS = 500;
export const RESTART_MAX_DELAY_MS = 10_000;
export type CrashLoopPolicy = { limit: number; windowMs: number };
export const DEFAULT_CRASH_LOOP: CrashLoopPolicy = { limit: 5, windowMs: 60_000 };

/** The policy from the environment; throws a message naming the variable for a bad value. */
export function crashLoopPolicy(env: { [name: string]: string | undefined }): CrashLoopPolicy {
  const read = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not "${raw}".`);
    return value;
  };
  return {
    limit: read("JUNCTION_CRASH_LOOP_LIMIT", DEFAULT_CRASH_LOOP.limit, 100),
    windowMs: read("JUNCTION_CRASH_LOOP_WINDOW_S", DEFAULT_CRASH_LOOP.windowMs / 1000, 3600) * 1000,
  };
}

/** The wait before restarting after the nth crash in the window: 0.5 s, 1 s, 2 s, ... at most 10 s. */
export function restartDelayMs(crashes: number): number {
  return Math.min(RESTART_FIRST_DELAY_MS * 2 ** (crashes - 1), RESTART_MAX_DELAY_MS);
}

/** A child the supervisor restarts when it crashes: how to start it again, and its recent crash times. */
type Kept = { spawn: () => Child; onStart: (child: Child) => void; crashes: number[] };

export type RestartEvent = { child: Child; exit: Exit; delayMs: number; crashes: number; policy: CrashLoopPolicy };

/**
 * Tracks the children of one `npm start`/`npm test`: stops them in reverse start order (web before the
 * database it talks to), reports a crash of any of them, and remembers their pids in a file so that a run
 * killed with -9 does not leave orphans holding ports for the next one (see reapLeftovers). Children added
 * with keep() are restarted after a crash once `restartCrashed` is set (npm start sets it once it is running).
 */
export class Supervisor {
  private readonly children: Child[] = [];
  private readonly down = new Map<Child, Down>();
  private stoppingAll = false;
  /** Ends the backoff waits of pending restarts when everything stops. */
  private readonly stopped = new AbortController();
  /** Whether a kept child that crashes is restarted; until then every crash goes to onCrash. */
  restartCrashed = false;
  policy: CrashLoopPolicy = DEFAULT_CRASH_LOOP;
  /** Called once when a child exits without being asked to (and is not going to be restarted). */
  onCrash: (child: Child, exit: Exit) => void = () => {};
  /** A kept child crashed and starts again after event.delayMs. */
  onRestart: (event: RestartEvent) => void = () => {};
  /** The new process of a kept child that crashed. */
  onRestarted: (child: Child) => void = () => {};
  /** A kept child crashed policy.limit times within policy.windowMs: it is not restarted. */
  onCrashLoop: (child: Child, exit: Exit, crashes: number) => void = () => {};

  constructor(private readonly pidFile?: string) {}

  /**
   * `task: true` for commands that are meant to finish (next build): their exit is not a crash, but a
   * shutdown still stops them. A child added after shutdown began is stopped at once.
   */
  add(child: Child, { task = false } = {}): Child {
    this.children.push(child);
    this.watch(child, task ? "task" : undefined);
    return child;
  }

  /**
   * Adds the child `spawn` starts (or `first`, already started), and restarts it the same way after a crash (see
   * restartCrashed). `onStart` runs for every process, the first included.
   */
  keep(spawn: () => Child, onStart: (child: Child) => void = () => {}, first?: Child): Child {
    const child = first ?? spawn();
    this.children.push(child);
    onStart(child);
    this.watch(child, { spawn, onStart, crashes: [] });
    return child;
  }

  get stopping(): boolean {
    return this.stoppingAll;
  }

  async stopAll(): Promise<void> {
    this.stoppingAll = true;
    this.stopped.abort();
    for (const child of [...this.children].reverse()) await child.stop();
    // Only a run that wrote the pid file may delete it (not one that found another run live and gave up).
    if (this.pidFile && this.children.length > 0) rmSync(this.pidFile, { force: true });
    this.children.length = 0;
  }

  /** Last resort (second Ctrl-C): no grace period. */
  killAll(): void {
    for (const child of this.children) signalGroup(child.pid, "SIGKILL");
  }

  private watch(child: Child, kept: Kept | "task" | undefined): void {
    this.record();
    if (this.stoppingAll) void child.stop();
    void child.exited.then((exit) => {
      this.record();
      if (kept === "task" || child.stopping || this.stoppingAll) return;
      if (kept && this.restartCrashed) void this.restart(child, exit, kept);
      else this.onCrash(child, exit);
    });
  }

  private async restart(child: Child, exit: Exit, kept: Kept): Promise<void> {
    // What the dead process left in its group (the worker's sandbox processes) would hold memory or ports.
    signalGroup(child.pid, "SIGKILL");
    const now = Date.now();
    kept.crashes = [...kept.crashes.filter((t) => now - t < this.policy.windowMs), now];
    const crashes = kept.crashes.length;
    if (crashes >= this.policy.limit) return this.onCrashLoop(child, exit, crashes);
    const delayMs = restartDelayMs(crashes);
    this.down.set(child, {
      name: child.name,
      exit: describeExit(exit),
      since: new Date(now).toISOString(),
      restartAt: new Date(now + delayMs).toISOString(),
      crashes,
      limit: this.policy.limit,
      windowS: this.policy.windowMs / 1000,
    });
    this.record();
    this.onRestart({ child, exit, delayMs, crashes, policy: this.policy });
    await sleep(delayMs, undefined, { signal: this.stopped.signal }).catch(() => {});
    if (this.stoppingAll) return;
    const next = kept.spawn();
    this.children[this.children.indexOf(child)] = next; // keeps the stop order
    this.down.delete(child);
    kept.onStart(next);
    this.watch(next, kept);
    this.onRestarted(next);
  }

  private record(): void {
    if (!this.pidFile) return;
    const live = this.children.filter((c) => c.process.exitCode === null && c.process.signalCode === null);
    const file: PidFile = {
      owner: { name: "supervisor", pid: process.pid, started: startTime(process.pid) },
      children: live.map((c) => ({ name: c.name, pid: c.pid, started: startTime(c.pid) })),
      down: [...this.down.values()],
    };
    // Written whole then renamed: the web process reads it for /api/health and must never see half a file.
    writeFileSync(`${this.pidFile}.tmp`, JSON.stringify(file, null, 2));
    renameSync(`${this.pidFile}.tmp`, this.pidFile);
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); "" once the process is gone. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

/**
 * Stops children that a previous run left behind (it was killed with -9, or the machine's OOM killer hit
 * it). A pid is only trusted while /proc shows the same start time, so a reused pid is left alone.
 * Returns the pid of the previous supervisor if it is still alive: that run is not over, leave it be.
 */
export async function reapLeftovers(pidFile: string): Promise<number | undefined> {
  let file: PidFile;
  try {
    file = JSON.parse(readFileSync(pidFile, "utf8")) as PidFile;
  } catch {
    return undefined;
  }
  if (file.owner.pid !== process.pid && startTime(file.owner.pid) === file.owner.started) return file.owner.pid;
  for (const { name, pid, started: recorded } of [...file.children].reverse()) {
    if (!recorded || startTime(pid) !== recorded) continue;
    console.log(`Stopping ${name} (pid ${pid}) left running by a previous run that did not exit cleanly.`);
    signalGroup(pid, name === "postgres" ? "SIGINT" : "SIGTERM");
    for (let i = 0; i < 100 && startTime(pid) === recorded; i++) await sleep(100);
    if (startTime(pid) === recorded) signalGroup(pid, "SIGKILL");
  }
  rmSync(pidFile, { force: true });
  return undefined;
}

/**
 * First Ctrl-C/SIGTERM/SIGHUP: call `shutdown` (which stops children in order). A second one while that
 * runs: `force` (kill everything now) and exit 130. Without that, a hung child would make Ctrl-C look broken.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => void, force: () => void): void {
  let first = 0;
  const handler = (signal: NodeJS.Signals) => {
    // Ctrl-C under `npm start` arrives twice at once: from the terminal (to the whole foreground process
    // group) and forwarded by npm. Only a signal a second or more after the first means "force".
    if (first && Date.now() - first < 1_000) return;
    if (first) {
      process.stderr.write("\nForced stop.\n");
      force();
      process.exit(130);
    }
    first = Date.now();
    process.stdout.write(`\n${signal} received: stopping (press Ctrl-C again to force)...\n`);
    shutdown(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handler);
}
