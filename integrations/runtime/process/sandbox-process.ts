import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import type { Duplex } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkJsonValue, type JsonLimits } from "../../../db/json";
import { fromWire, SandboxCapabilityError, SandboxConfigError, SandboxCrashError, SandboxLimitError, SandboxProtocolError, type SandboxError } from "../errors";
import type { Limits } from "../limits";
import type { Resolver } from "../network/resolve";
import type { Capabilities, ExecuteRequest, SandboxProcessExit, SandboxResult } from "../types";
import { checkFromChild } from "./check-message";
import { lineChannel, type LineChannel } from "./line-channel";
import type { CallOp, ChildOptions, FromChild, ToChild } from "./protocol";

const CHILD_ENTRY = fileURLToPath(new URL("./child.ts", import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const START_TIMEOUT_MS = 20_000;
// The longest message a child may send: an output at the 16 MiB maximum of Limits.outputBytes, JSON-escaped.
const MAX_LINE_CHARS = 64 * 1024 * 1024;
// Only what Node, ICU and DNS need: the worker's secrets (database URL, vault keys) stay in the parent.
const ENV_KEYS = ["PATH", "HOME", "TMPDIR", "TZ", "LANG", "LC_ALL", "NODE_ENV"];

type Pending = {
  request: ExecuteRequest;
  limits: Limits;
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
 *
 * Nothing the child sends can throw out of here: messages arrive as JSON lines parsed in a try, are shape-checked
 * (process/check-message.ts), and every value the guest made is checked against the JSON limits before it is used
 * or handed on (a value nested thousands deep overflows whatever recurses over it next: Temporal's payload
 * converter, the database driver). A value past a limit fails its execution; a message that breaks the protocol
 * kills the process, failing the execution it named with SandboxProtocolError.
 */
export class SandboxProcess {
  private readonly child: ChildProcess;
  private readonly channel: LineChannel;
  private readonly json: JsonLimits;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Executions waiting for the process to start: they count towards its load too. */
  private starting = 0;
  private exited = false;
  /** The child announced it is about to die: send it nothing new. */
  private retiring = false;
  readonly ready: Promise<void>;
  /** Told when the process has ended and its executions have failed (the pool passes it on, see onProcessExit). */
  onExited: (event: SandboxProcessExit) => void = () => {};

  constructor(
    options: ChildOptions,
    private readonly resolver: Resolver | undefined,
    private readonly killGraceMs: number,
    /** The child's entry module; only tests name another (a child that breaks the protocol on purpose). */
    entry = CHILD_ENTRY,
  ) {
    this.json = options.json;
    const env = Object.fromEntries(ENV_KEYS.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]]))) as NodeJS.ProcessEnv;
    // fd 3 is a socket pair carrying the line channel (see line-channel.ts for why not Node's IPC).
    this.child = spawn(process.execPath, ["--no-node-snapshot", "--import", TSX_LOADER, entry, JSON.stringify(options)], {
      stdio: ["ignore", "inherit", "inherit", "pipe"],
      env,
    });
    let started: () => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new SandboxCrashError("The sandbox process did not start in time.")), START_TIMEOUT_MS);
      started = () => (clearTimeout(timer), resolve());
      this.child.once("exit", () => (clearTimeout(timer), reject(new SandboxCrashError("The sandbox process exited while starting."))));
    });
    this.ready.catch(() => this.kill());
    const socket = this.child.stdio[3] as Duplex;
    // A closed socket's write errors land here; "exit" does the accounting.
    socket.on("error", () => this.kill());
    this.channel = lineChannel(
      socket,
      {
        message: (raw) => {
          started();
          this.onMessage(raw);
        },
        problem: (problem) => this.brokeProtocol(problem),
      },
      MAX_LINE_CHARS,
    );
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
    // The input was built from earlier outputs and the trigger, all checked; this keeps JSON.stringify (sending
    // it) from overflowing if one was not.
    const tooDeep = checkJsonValue(rest.input, { maxDepth: this.json.maxDepth, maxBytes: Number.MAX_SAFE_INTEGER }, "The step's input");
    if (tooDeep) throw new SandboxLimitError("depth", tooDeep.message);
    return new Promise<SandboxResult>((resolve, reject) => {
      const pending: Pending = { request, limits, resolve, reject };
      this.pending.set(id, pending);
      pending.timer = setTimeout(() => {
        pending.blame = new SandboxLimitError("wall", `The action ran for more than ${limits.wallMs} ms (limit wall) and ignored termination.`);
        this.kill();
      }, limits.wallMs + this.killGraceMs);
      pending.onAbort = () => this.send({ t: "cancel", id });
      request.signal?.addEventListener("abort", pending.onAbort, { once: true });
      const job = { ...rest, limits, capabilities: { store: !!capabilities?.store, log: !!capabilities?.log, secrets: !!capabilities?.secrets, crypto: !!capabilities?.crypto } };
      try {
        this.send({ t: "run", id, job });
      } catch {
        this.fail(id, pending, new SandboxConfigError("The step's input or connection cannot be sent to the sandbox: only JSON data can."));
      }
    });
  }

  /** Kills the process; executions still running fail with `blame`, or SandboxCrashError without one. */
  kill(blame?: SandboxError): void {
    if (blame) for (const pending of this.pending.values()) pending.blame ??= blame;
    if (!this.exited) this.child.kill("SIGKILL");
  }

  /** Throws if JSON cannot write the message (see run and answer). */
  private send(message: ToChild): void {
    if (!this.exited) this.channel.send(message);
  }

  private onMessage(raw: unknown): void {
    const message = checkFromChild(raw);
    if (typeof message === "string") return this.brokeProtocol(message, raw);
    try {
      this.handle(message);
    } catch {
      // A bug of ours, or a message our checks did not foresee: either way not the worker's end.
      this.brokeProtocol(`a ${message.t} message the host could not handle`, raw);
    }
  }

  /** Kills a process that broke the protocol; the execution the message named (if any) fails for it. */
  private brokeProtocol(problem: string, raw?: unknown): void {
    const id = (raw as { id?: unknown } | null)?.id;
    const pending = typeof id === "number" ? this.pending.get(id) : undefined;
    if (pending) pending.blame ??= new SandboxProtocolError(`The sandbox process sent ${problem} while running this step, and was restarted.`);
    this.kill();
  }

  /** Fails one execution at once and tells the child to stop it; the process itself is fine. */
  private fail(id: number, pending: Pending, error: SandboxError): void {
    this.settle(id, pending);
    pending.reject(error);
    try {
      this.send({ t: "cancel", id });
    } catch {
      // cannot happen (a cancel is plain data); the wall timer is gone with the pending entry either way
    }
  }

  /** A depth or size violation of a value the guest made, as the error its execution fails with; null if none. */
  private tooBig(value: unknown, what: string, maxBytes = this.json.maxBytes): SandboxLimitError | null {
    const violation = checkJsonValue(value, { maxDepth: this.json.maxDepth, maxBytes }, what);
    if (!violation) return null;
    return new SandboxLimitError(violation.kind === "depth" ? "depth" : "output", violation.message);
  }

  private handle(message: FromChild): void {
    if (message.t === "ready") return;
    if (message.t === "dying") {
      this.retiring = true;
      const error = fromWire(message.error);
      for (const [id, pending] of this.pending) if (message.id === undefined || message.id === id) pending.blame ??= error;
      return;
    }
    if (message.t === "call" && message.op === "resolve") {
      if (!this.resolver || typeof message.args[0] !== "string") return this.brokeProtocol("a DNS question the host did not offer to answer");
      const resolver = this.resolver;
      const hostname = message.args[0];
      void this.answer(message.callId, () => resolver(hostname));
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    const { request } = pending;
    switch (message.t) {
      case "need-bundle":
        return this.send({ t: "bundle", id: message.id, source: request.bundle });
      case "call": {
        // Depth only: the line cap bounds their size, and the capability checks its own (store values, bytes to sign).
        const refused = this.tooBig(message.args, `The ${message.op} arguments`, Number.MAX_SAFE_INTEGER);
        if (refused) {
          this.fail(message.id, pending, refused);
          return void this.answer(message.callId, () => Promise.reject(refused));
        }
        return void this.answer(message.callId, () => answerCall(request.capabilities ?? {}, message.op, message.args));
      }
      case "log": {
        const refused = this.tooBig(message.data, "ctx.log data");
        if (refused) return this.fail(message.id, pending, refused);
        try {
          request.capabilities?.log?.(message.level, message.message, message.data);
        } catch {
          // A failing log sink must not fail the step.
        }
        return;
      }
      case "done": {
        const refused = message.ok ? this.tooBig(message.result.output, "The action's output", pending.limits.outputBytes) : null;
        if (refused) return this.fail(message.id, pending, refused);
        this.settle(message.id, pending);
        if (message.ok) pending.resolve(message.result);
        else pending.reject(fromWire(message.error));
        return;
      }
    }
  }

  private async answer(callId: number, fn: () => Promise<unknown>): Promise<void> {
    try {
      // A value JSON cannot write (a store row nested too deep to stringify) makes the send throw: a failed call.
      this.send({ t: "reply", callId, ok: true, value: await fn() });
    } catch (error) {
      try {
        this.send({ t: "reply", callId, ok: false, guestMessage: error instanceof SandboxCapabilityError ? error.message : undefined });
      } catch {
        // plain data: cannot happen
      }
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
    const running = this.pending.size;
    for (const [id, pending] of this.pending) {
      this.settle(id, pending);
      pending.reject(pending.blame ?? new SandboxCrashError(`The sandbox process ${how} while running this step; it did nothing wrong that we know of and can be retried.`));
    }
    this.onExited({ pid: this.child.pid, how, running });
  }
}

/** Runs a capability call the child forwarded, with the request's own implementations. */
async function answerCall(capabilities: Capabilities, op: CallOp, args: unknown[]): Promise<unknown> {
  const [first, second] = args as [unknown, unknown];
  if (typeof first !== "string") throw new SandboxCapabilityError("Capability names and keys are strings.");
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
  if (op === "crypto.sign") {
    if (typeof second !== "string") throw new SandboxCapabilityError("ctx.crypto.sign signs bytes.");
    return capabilities.crypto.sign(first, new Uint8Array(Buffer.from(second, "base64")));
  }
  return capabilities.crypto.publicKey(first);
}
