import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { fromWire, SandboxCapabilityError, SandboxCrashError, SandboxLimitError, type SandboxError } from "../errors";
import type { Limits } from "../limits";
import type { Resolver } from "../network/resolve";
import type { Capabilities, ExecuteRequest, SandboxResult } from "../types";
import type { CallOp, ChildOptions, FromChild, ToChild } from "./protocol";

const CHILD_ENTRY = fileURLToPath(new URL("./child.ts", import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const START_TIMEOUT_MS = 20_000;
// Only what Node, ICU and DNS need: the worker's secrets (database URL, vault keys) stay in the parent.
const ENV_KEYS = ["PATH", "HOME", "TMPDIR", "TZ", "LANG", "LC_ALL", "NODE_ENV"];

type Pending = {
  request: ExecuteRequest;
  resolve: (r: SandboxResult) => void;
  reject: (e: SandboxError) => void;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
  blame?: SandboxError;
};

/**
 * The parent's handle on one sandbox process: sends executions, answers the child's capability calls with the
 * request's own capabilities, and turns the child's death into typed errors. If an execution outlives its wall
 * limit by killGraceMs (its isolate ignores termination), the process is killed: that execution fails with
 * the wall limit, the others it was running with SandboxCrashError (retryable).
 */
export class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Executions waiting for the process to start: they count towards its load too. */
  private starting = 0;
  private exited = false;
  /** The child announced it is about to die: send it nothing new. */
  private retiring = false;
  readonly ready: Promise<void>;

  constructor(
    options: ChildOptions,
    private readonly resolver: Resolver | undefined,
    private readonly killGraceMs: number,
  ) {
    const env = Object.fromEntries(ENV_KEYS.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]]))) as NodeJS.ProcessEnv;
    this.child = fork(CHILD_ENTRY, [JSON.stringify(options)], {
      execArgv: ["--no-node-snapshot", "--import", TSX_LOADER],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env,
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new SandboxCrashError("The sandbox process did not start in time.")), START_TIMEOUT_MS);
      this.child.once("message", () => (clearTimeout(timer), resolve()));
      this.child.once("exit", () => (clearTimeout(timer), reject(new SandboxCrashError("The sandbox process exited while starting."))));
    });
    this.ready.catch(() => this.kill());
    this.child.on("message", (message: FromChild) => this.onMessage(message));
    // Spawn failures and writes to a channel that just closed land here; "exit" does the accounting.
    this.child.on("error", () => this.kill());
    this.child.on("exit", (code, signal) => this.onExit(code, signal));
  }

  get alive(): boolean {
    return !this.exited && !this.retiring;
  }

  get load(): number {
    return this.pending.size + this.starting;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async run(request: ExecuteRequest, limits: Limits): Promise<SandboxResult> {
    this.starting++;
    try {
      await this.ready;
    } finally {
      this.starting--;
    }
    if (!this.alive) throw new SandboxCrashError("The sandbox process stopped before the execution could start.");
    const id = this.nextId++;
    const { bundle: _bundle, capabilities, signal: _signal, limits: _limits, ...rest } = request;
    return new Promise<SandboxResult>((resolve, reject) => {
      const pending: Pending = { request, resolve, reject };
      this.pending.set(id, pending);
      pending.timer = setTimeout(() => {
        pending.blame = new SandboxLimitError("wall", `The action ran for more than ${limits.wallMs} ms (limit wall) and ignored termination.`);
        this.kill();
      }, limits.wallMs + this.killGraceMs);
      pending.onAbort = () => this.send({ t: "cancel", id });
      request.signal?.addEventListener("abort", pending.onAbort, { once: true });
      this.send({ t: "run", id, job: { ...rest, limits, capabilities: { store: !!capabilities?.store, log: !!capabilities?.log, secrets: !!capabilities?.secrets, crypto: !!capabilities?.crypto } } });
    });
  }

  /** Kills the process; executions still running fail with `blame`, or SandboxCrashError without one. */
  kill(blame?: SandboxError): void {
    if (blame) for (const pending of this.pending.values()) pending.blame ??= blame;
    if (!this.exited) this.child.kill("SIGKILL");
  }

  private send(message: ToChild): void {
    if (!this.exited && this.child.connected) this.child.send(message);
  }

  private onMessage(message: FromChild): void {
    if (message.t === "ready") return;
    if (message.t === "dying") {
      this.retiring = true;
      const error = fromWire(message.error);
      for (const [id, pending] of this.pending) if (message.id === undefined || message.id === id) pending.blame ??= error;
      return;
    }
    if (message.t === "call" && message.op === "resolve") {
      void this.answer(message.callId, () => this.resolver!(String(message.args[0])));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    const { request } = pending;
    switch (message.t) {
      case "need-bundle":
        return this.send({ t: "bundle", id: message.id, source: request.bundle });
      case "call":
        return void this.answer(message.callId, () => answerCall(request.capabilities ?? {}, message.op, message.args));
      case "log":
        try {
          request.capabilities?.log?.(message.level, message.message, message.data);
        } catch {
          // A failing log sink must not fail the step.
        }
        return;
      case "done":
        this.settle(message.id, pending);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(fromWire(message.error));
        return;
    }
  }

  private async answer(callId: number, fn: () => Promise<unknown>): Promise<void> {
    try {
      this.send({ t: "reply", callId, ok: true, value: await fn() });
    } catch (error) {
      this.send({ t: "reply", callId, ok: false, guestMessage: error instanceof SandboxCapabilityError ? error.message : undefined });
    }
  }

  private settle(id: number, pending: Pending): void {
    clearTimeout(pending.timer);
    if (pending.onAbort) pending.request.signal?.removeEventListener("abort", pending.onAbort);
    this.pending.delete(id);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    const how = signal ? `was killed (${signal})` : `exited (code ${code})`;
    for (const [id, pending] of this.pending) {
      this.settle(id, pending);
      pending.reject(pending.blame ?? new SandboxCrashError(`The sandbox process ${how} while running this step; it did nothing wrong that we know of and can be retried.`));
    }
  }
}

/** Runs a capability call the child forwarded, with the request's own implementations. */
async function answerCall(capabilities: Capabilities, op: CallOp, args: unknown[]): Promise<unknown> {
  const [first, second] = args as [string, unknown];
  if (op.startsWith("store.")) {
    const store = capabilities.store;
    if (!store) throw new SandboxCapabilityError("ctx.store is not available to this action.");
    if (op === "store.get") return store.get(first);
    if (op === "store.set") return store.set(first, second);
    return store.delete(first);
  }
  if (op === "secrets.getOrCreate") {
    if (!capabilities.secrets) throw new SandboxCapabilityError("ctx.secrets is not available to this action.");
    return capabilities.secrets.getOrCreate(first);
  }
  if (!capabilities.crypto) throw new SandboxCapabilityError("ctx.crypto is not available to this action.");
  if (op === "crypto.sign") return capabilities.crypto.sign(first, second as Uint8Array);
  return capabilities.crypto.publicKey(first);
}
