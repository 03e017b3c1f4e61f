/**
 * Entry point of a sandbox process (forked by process/process-pool.ts). It owns an engine and runs whatever
 * the parent sends. It exits on purpose when V8 loses control of an isolate (a catastrophic out-of-memory:
 * the isolate's thread is parked for good and its memory cannot be reclaimed) or when its resident memory
 * passes the cap; the parent then fails the executions it had here and starts a new process.
 */
import { Socket } from "node:net";
import { SandboxCapabilityError, SandboxLimitError, toWire, type WireError } from "../errors";
import { createEngine } from "../engine/engine";
import { systemResolver, type ResolvedAddress } from "../network/resolve";
import type { Capabilities } from "../types";
import { lineChannel } from "./line-channel";
import type { CallOp, ChildOptions, FromChild, ToChild, WireJob } from "./protocol";

const options = JSON.parse(process.argv[2] ?? "{}") as ChildOptions;
// Bundles arrive on this channel, so its line cap is generous; the parent is trusted.
const MAX_LINE_CHARS = 512 * 1024 * 1024;
// fd 3: the socket pair the parent set up (process/sandbox-process.ts); the parent is trusted, so no shape checks.
const socket = new Socket({ fd: 3, readable: true, writable: true });
const channel = lineChannel(socket, { message: (m) => onMessage(m as ToChild), problem: () => {} }, MAX_LINE_CHARS);
const send = (message: FromChild) => {
  try {
    channel.send(message);
  } catch {
    // JSON could not write it: the checks before each send make this a bug, and a missing message fails the
    // execution by the parent's timeout rather than the process here.
  }
};
const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const bundleWaiters = new Map<number, (source: string) => void>();
/** One request per bundle hash, however many executions of it arrive before the bundle does. */
const bundleLoads = new Map<string, Promise<void>>();
const running = new Map<number, { abort: AbortController; heapMb: number }>();
let nextCall = 1;
let dying = false;

function call(id: number, op: CallOp, args: unknown[]): Promise<unknown> {
  const callId = nextCall++;
  return new Promise((resolve, reject) => {
    calls.set(callId, { resolve, reject });
    try {
      channel.send({ t: "call", id, callId, op, args } satisfies FromChild);
    } catch {
      calls.delete(callId);
      reject(new Error("capability call could not be sent"));
    }
  });
}

const engine = createEngine({
  allowLoopback: options.allowLoopback,
  resolver: options.remoteResolver ? (hostname) => call(0, "resolve", [hostname]) as Promise<ResolvedAddress[]> : systemResolver,
  maxJsonDepth: options.json.maxDepth,
});

function capabilities(id: number, job: WireJob): Capabilities {
  return {
    store: job.capabilities.store
      ? {
          get: (key) => call(id, "store.get", [key]),
          set: async (key, value) => void (await call(id, "store.set", [key, value])),
          delete: async (key) => void (await call(id, "store.delete", [key])),
        }
      : undefined,
    log: job.capabilities.log ? (level, message, data) => send({ t: "log", id, level, message, data }) : undefined,
    secrets: job.capabilities.secrets ? { getOrCreate: async (name) => String(await call(id, "secrets.getOrCreate", [name])) } : undefined,
    crypto: job.capabilities.crypto
      ? {
          sign: async (keyName, bytes) => String(await call(id, "crypto.sign", [keyName, Buffer.from(bytes).toString("base64")])),
          publicKey: async (keyName) => String(await call(id, "crypto.publicKey", [keyName])),
        }
      : undefined,
  };
}

async function run(id: number, job: WireJob): Promise<void> {
  const abort = new AbortController();
  running.set(id, { abort, heapMb: job.limits.heapMb });
  try {
    if (!engine.hasBundle(job.bundleHash)) await loadBundle(id, job.bundleHash);
    const onCatastrophe = () => die(id, toWire(new SandboxLimitError("heap", `The action's heap passed ${job.limits.heapMb} MB (limit heap); V8 could not contain it.`)));
    const result = await engine.run({ ...job, capabilities: capabilities(id, job), signal: abort.signal, onCatastrophe });
    channel.send({ t: "done", id, ok: true, result } satisfies FromChild);
  } catch (error) {
    send({ t: "done", id, ok: false, error: toWire(error) });
  } finally {
    running.delete(id);
  }
}

function loadBundle(id: number, hash: string): Promise<void> {
  let load = bundleLoads.get(hash);
  if (!load) {
    load = new Promise<string>((resolve) => {
      bundleWaiters.set(id, resolve);
      send({ t: "need-bundle", id });
    })
      .then((source) => engine.addBundle(hash, source))
      .finally(() => bundleLoads.delete(hash));
    bundleLoads.set(hash, load);
  }
  return load;
}

/** Tells the parent why, then exits; the parked isolate thread cannot be stopped any other way. */
function die(id: number | undefined, error: WireError): void {
  if (dying) return;
  dying = true;
  // SIGKILL, not process.exit: exit joins isolated-vm's threads, and the parked one never returns.
  const kill = () => process.kill(process.pid, "SIGKILL");
  channel.send({ t: "dying", id, error } satisfies FromChild, kill);
  setTimeout(kill, 200);
}

function onMessage(message: ToChild): void {
  switch (message.t) {
    case "run":
      if (dying) send({ t: "done", id: message.id, ok: false, error: { code: "crash", message: "The sandbox process is restarting." } });
      else void run(message.id, message.job);
      break;
    case "bundle":
      bundleWaiters.get(message.id)?.(message.source);
      bundleWaiters.delete(message.id);
      break;
    case "reply": {
      const pending = calls.get(message.callId);
      calls.delete(message.callId);
      if (message.ok) pending?.resolve(message.value);
      else pending?.reject(message.guestMessage === undefined ? new Error("capability failed") : new SandboxCapabilityError(message.guestMessage));
      break;
    }
    case "cancel":
      running.get(message.id)?.abort.abort();
      break;
  }
}

// The parent going away (crash, kill -9) closes the channel: nothing left to work for.
socket.on("close", () => process.exit(0));
socket.on("error", () => process.exit(0));

setInterval(() => {
  const inFlightHeap = [...running.values()].reduce((sum, r) => sum + r.heapMb, 0);
  const capMb = Math.max(options.memoryCapMb, 256 + 2 * inFlightHeap);
  const rssMb = process.memoryUsage.rss() / (1024 * 1024);
  if (rssMb > capMb) die(undefined, { code: "crash", message: `The sandbox process used ${Math.round(rssMb)} MB, more than its ${capMb} MB cap, and was restarted.` });
}, 250).unref();

send({ t: "ready" });
