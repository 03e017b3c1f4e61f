import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * Where a child's output goes: prefixed onto our console, into a log file (kept quiet unless it fails), or
 * straight to our console (tools like tsc and vitest, whose own formatting and colours we want to keep).
 */
export type Output = { kind: "prefix" } | { kind: "log"; file: string } | { kind: "inherit" };

export type SpawnOptions = {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  output: Output;
  /** Postgres wants SIGINT ("fast shutdown"); everything else SIGTERM. */
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
  uid?: number;
  gid?: number;
};

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Child = {
  name: string;
  pid: number;
  process: ChildProcess;
  exited: Promise<Exit>;
  /** Whether stop() was asked for: an exit before that is a crash. */
  stopping: boolean;
  /** The last lines of output, for showing why it failed. */
  tail(lines?: number): string;
  /** Where all of its output is, when it goes to a log file. */
  logFile?: string;
  stop(): Promise<Exit>;
};

const TAIL_LINES = 200;

/**
 * Spawns a child in its own process group (detached), so that (1) Ctrl-C in the terminal reaches only us
 * and we stop children in order (web before database), and (2) stop() reaches grandchildren too.
 */
export function spawnChild(options: SpawnOptions): Child {
  const { name, output, stopSignal = "SIGTERM", graceMs = 10_000 } = options;
  const proc = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: output.kind === "inherit" ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    detached: true,
    uid: options.uid,
    gid: options.gid,
  });
  const recent: string[] = [];
  const log: WriteStream | undefined = output.kind === "log" ? createWriteStream(output.file, { flags: "a" }) : undefined;
  // A log file that cannot be written (disk full, removed folder) must not take the supervisor down with it.
  log?.on("error", () => undefined);
  const forward = (stream: NodeJS.WriteStream) => {
    let partial = "";
    return (chunk: Buffer) => {
      // Output can arrive after "exit": a killed postmaster's backends still hold its stdout for a moment.
      if (log && !log.writableEnded) log.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        recent.push(line);
        if (output.kind === "prefix") stream.write(`${name.padEnd(8)}│ ${line}\n`);
      }
      if (recent.length > TAIL_LINES) recent.splice(0, recent.length - TAIL_LINES);
    };
  };
  proc.stdout?.on("data", forward(process.stdout));
  proc.stderr?.on("data", forward(process.stderr));

  const exited = new Promise<Exit>((resolve) => {
    // 'error' without 'exit' happens when the binary cannot be spawned at all (ENOENT, EACCES).
    proc.once("error", (error) => {
      recent.push(`${name}: ${error.message}`);
      resolve({ code: 127, signal: null });
    });
    proc.once("exit", (code, signal) => resolve({ code, signal }));
    // "close" comes once every holder of the child's stdout and stderr has let go (grandchildren too).
    proc.once("close", () => log?.end());
  });

  const child: Child = {
    name,
    pid: proc.pid ?? -1,
    process: proc,
    exited,
    stopping: false,
    tail: (lines = 30) => recent.slice(-lines).join("\n"),
    logFile: output.kind === "log" ? output.file : undefined,
    async stop() {
      child.stopping = true;
      if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return exited;
      signalGroup(proc.pid, stopSignal);
      // The grace timer is cancelled once the child exits, or it would hold our event loop open.
      const timer = new AbortController();
      const done = await Promise.race([
        exited,
        sleep(graceMs, undefined, { signal: timer.signal }).then(() => undefined, () => undefined),
      ]);
      timer.abort();
      if (!done) {
        process.stderr.write(`${name} did not stop within ${graceMs / 1000}s; killing it\n`);
        signalGroup(proc.pid, "SIGKILL");
      }
      const exit = await exited;
      // Grandchildren that outlive their parent (e.g. a forked server) would keep ports bound.
      if (groupAlive(proc.pid)) {
        await sleep(1_000);
        signalGroup(proc.pid, "SIGKILL");
      }
      return exit;
    },
  };
  return child;
}

/** Signals a whole process group; a group that is already gone is fine. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Describes how a child ended, for one-line reports. */
export function describeExit({ code, signal }: Exit): string {
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}
