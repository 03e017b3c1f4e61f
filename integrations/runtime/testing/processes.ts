import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Pids of this process's sandbox processes (Linux: pgrep + /proc), skipping other children such as esbuild. */
export function sandboxPids(): string[] {
  let children: string[];
  try {
    children = execFileSync("pgrep", ["-P", String(process.pid)]).toString().trim().split("\n");
  } catch {
    return []; // pgrep exits 1 when there are none
  }
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("runtime/process/child.ts");
    } catch {
      return false; // exited meanwhile
    }
  });
}

/** Resident memory of `pid` in MB (0 if it has exited). */
export function rssOfMb(pid: string): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
