import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The real `npm start` entry point (scripts/start.ts) as a user runs it, for the tests of what it does when
 * things go wrong: its output as a user reads it, and its exit.
 */
export type NpmStart = {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** stdout and stderr as they came, interleaved (the offsets of waitForOutput count in this). */
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves once stdout+stderr (from `from` on) match `pattern`; rejects if npm start exits first. */
  waitForOutput(pattern: RegExp, from?: number): Promise<RegExpMatchArray>;
};

const root = path.resolve(import.meta.dirname, "../..");

/** `checkout`: another copy of the repository to start from (default: this one). */
export function launchStart(env: Record<string, string>, checkout = root): NpmStart {
  const child = spawn(process.execPath, ["--no-node-snapshot", "--import", "tsx", "scripts/start.ts"], {
    cwd: checkout,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
  });
  let stdout = "";
  let stderr = "";
  let all = "";
  const listeners = new Set<() => void>();
  const onData = (append: (d: string) => void) => (d: Buffer) => {
    append(d.toString("utf8"));
    all += d.toString("utf8");
    for (const l of listeners) l();
  };
  child.stdout.on("data", onData((d) => (stdout += d)));
  child.stderr.on("data", onData((d) => (stderr += d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => all,
    exited,
    waitForOutput(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = all.slice(from).match(pattern);
          if (!match) return;
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
        check();
        void exited.then((code) => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          reject(new Error(`npm start exited (${code}) before printing ${pattern}:\n${all.slice(-3000)}`));
        });
      });
    },
  };
}

/** Runs npm start to its end (the start-up faults: it should stop by itself). */
export async function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const started = launchStart(env);
  const code = await started.exited;
  return { code, stdout: started.stdout(), stderr: started.stderr() };
}
