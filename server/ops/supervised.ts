import { readFile } from "node:fs/promises";

/**
 * What `npm start` says about the processes it supervises. scripts/lib/supervisor.ts writes the file (its pid
 * file, .data/pids.json) and passes its path to the web process as JUNCTION_SUPERVISOR_FILE; elsewhere (no npm
 * start: Docker, systemd) the variable is unset and health relies on Temporal alone.
 */
export type SupervisedDown = {
  name: string;
  /** How it ended, e.g. "was killed by SIGKILL". */
  exit: string;
  /** ISO times: when it died, when the supervisor starts it again. */
  since: string;
  restartAt: string;
  /** Crashes within the window, counting this one, and the count that stops everything. */
  crashes: number;
  limit: number;
  windowS: number;
};
type SupervisorFile = { children?: { name: string; pid: number }[]; down?: SupervisedDown[] };

/**
 * The supervised process `name`: down (with why and when it comes back) or running with a pid. Undefined when
 * nothing supervises this process tree, or the file is unreadable (then health falls back to Temporal alone).
 */
export async function supervisedProcess(name: string): Promise<{ down: SupervisedDown } | { pid: number } | undefined> {
  const file = process.env.JUNCTION_SUPERVISOR_FILE;
  if (!file) return undefined;
  let state: SupervisorFile;
  try {
    state = JSON.parse(await readFile(file, "utf8")) as SupervisorFile;
  } catch {
    return undefined; // mid-rewrite or removed at shutdown: not evidence of an outage
  }
  const down = state.down?.find((d) => d.name === name);
  if (down) return { down };
  const child = state.children?.find((c) => c.name === name);
  return child ? { pid: child.pid } : undefined;
}

/** "the worker process was killed by SIGKILL at 10:02:03; npm start restarts it at 10:02:04 (crash 2 of 5 in the last 60 s)" */
export function describeDown(down: SupervisedDown): string {
  const time = (iso: string) => iso.slice(11, 19);
  return `the ${down.name} process ${down.exit} at ${time(down.since)} UTC; npm start restarts it at ${time(down.restartAt)} UTC (crash ${down.crashes} of ${down.limit} in the last ${down.windowS} s)`;
}
