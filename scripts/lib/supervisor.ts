import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { signalGroup, type Child, type Exit } from "./processes";

/** `started` is the kernel's start time of the pid: with the pid it names one process, even if pids get reused. */
type Record = { name: string; pid: number; started: string };
/** The pid file: who supervises (to tell a live run from a dead one) and its children. */
type PidFile = { owner: Record; children: Record[] };

/**
 * Tracks the children of one `npm start`/`npm test`: stops them in reverse start order (web before the
 * database it talks to), reports a crash of any of them, and remembers their pids in a file so that a run
 * killed with -9 does not leave orphans holding ports for the next one (see reapLeftovers).
 */
export class Supervisor {
  private readonly children: Child[] = [];
  private stoppingAll = false;
  /** Called once when a child exits without being asked to. */
  onCrash: (child: Child, exit: Exit) => void = () => {};

  constructor(private readonly pidFile?: string) {}

  /**
   * `task: true` for commands that are meant to finish (next build): their exit is not a crash, but a
   * shutdown still stops them. A child added after shutdown began is stopped at once.
   */
  add(child: Child, { task = false } = {}): Child {
    this.children.push(child);
    this.record();
    if (this.stoppingAll) void child.stop();
    void child.exited.then((exit) => {
      this.record();
      if (!task && !child.stopping && !this.stoppingAll) this.onCrash(child, exit);
    });
    return child;
  }

  get stopping(): boolean {
    return this.stoppingAll;
  }

  async stopAll(): Promise<void> {
    this.stoppingAll = true;
    for (const child of [...this.children].reverse()) await child.stop();
    // Only a run that wrote the pid file may delete it (not one that found another run live and gave up).
    if (this.pidFile && this.children.length > 0) rmSync(this.pidFile, { force: true });
    this.children.length = 0;
  }

  /** Last resort (second Ctrl-C): no grace period. */
  killAll(): void {
    for (const child of this.children) signalGroup(child.pid, "SIGKILL");
  }

  private record(): void {
    if (!this.pidFile) return;
    const live = this.children.filter((c) => c.process.exitCode === null && c.process.signalCode === null);
    const file: PidFile = {
      owner: { name: "supervisor", pid: process.pid, started: startTime(process.pid) },
      children: live.map((c) => ({ name: c.name, pid: c.pid, started: startTime(c.pid) })),
    };
    writeFileSync(this.pidFile, JSON.stringify(file, null, 2));
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
