import { mkdirSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Connection } from "@temporalio/client";
import { expected } from "./fail";
import { describeExit, spawnChild, type Child } from "./processes";
import { temporalBinary } from "./toolchain";

export type TemporalDevServer = {
  /** host:port of the gRPC frontend, the value for TEMPORAL_ADDRESS. */
  address: string;
  /** undefined when headless. */
  uiUrl: string | undefined;
  child: Child;
  /** Starts the server again with the same options, without waiting (npm start after a crash; see respawn in postgres.ts). */
  respawn(): Child;
  stop(): Promise<void>;
};

export type TemporalDevServerOptions = {
  port: number;
  uiPort?: number;
  /** SQLite file for persistence; omit for an in-memory server (tests). */
  dbFile?: string;
  /** No Web UI (tests: faster start, one port fewer). */
  headless?: boolean;
  namespace?: string;
  logFile: string;
  /** Dynamic config values over LATENCY_SETTINGS (benchmarks switch levers off to measure them). */
  dynamicConfig?: Record<string, boolean | number | string>;
};

/**
 * Server settings that cut a run's latency (keys from go.temporal.io/server common/dynamicconfig/constants.go).
 * Eager activity execution (off by default) hands an activity scheduled by a workflow task straight back to the
 * worker that completed that task, skipping matching; eager workflow start (on by default, set to say so) returns
 * a new run's first workflow task in the start call, for a client sharing the worker's connection.
 */
export const LATENCY_SETTINGS = {
  "system.enableActivityEagerExecution": true,
  "system.enableEagerWorkflowStart": true,
} as const;

/**
 * `temporal server start-dev`: a whole Temporal cluster in one process, enough for a single machine.
 * Users with a real cluster set TEMPORAL_ADDRESS and never reach this.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const { port, uiPort, dbFile, headless = false, namespace = "default", logFile } = options;
  mkdirSync(path.dirname(logFile), { recursive: true });
  const args = ["server", "start-dev", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "warn"];
  for (const [key, value] of Object.entries({ ...LATENCY_SETTINGS, ...options.dynamicConfig })) args.push("--dynamic-config-value", `${key}=${JSON.stringify(value)}`);
  if (namespace !== "default") args.push("--namespace", namespace);
  if (headless) args.push("--headless");
  else if (uiPort) args.push("--ui-port", String(uiPort));
  if (dbFile) args.push("--db-filename", dbFile);
  const spawnServer = () => spawnChild({ name: "temporal", command: temporalBinary(), args, output: { kind: "log", file: logFile } });
  const child = spawnServer();
  const address = `127.0.0.1:${port}`;
  await waitUntilServing(address, namespace, child, logFile);
  return {
    address,
    uiUrl: headless ? undefined : `http://localhost:${uiPort ?? port + 1000}`,
    child,
    respawn: spawnServer,
    async stop() {
      await child.stop();
    },
  };
}

/** Ready means the frontend answers and the namespace exists (it is registered a moment after the port opens). */
async function waitUntilServing(address: string, namespace: string, child: Child, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) {
      const exit = await child.exited;
      throw expected(`The Temporal dev server ${describeExit(exit)} while starting (log: ${logFile}):\n${child.tail(15)}`);
    }
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 2_000 });
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch {
      await sleep(300);
    } finally {
      await connection?.close().catch(() => {});
    }
  }
  await child.stop();
  throw expected(`The Temporal dev server did not answer on ${address} within 90s (log: ${logFile}):\n${child.tail(15)}`);
}
