import ivm from "isolated-vm";
import { checkJsonValue, depthViolation, jsonTextDepth } from "../../../db/json";
import { SandboxCapabilityError, SandboxError, SandboxLimitError } from "../errors";
import { guardedFetch, type FetchPolicy } from "../network/guarded-fetch";
import { FetchFailure, type FetchInit } from "../network/request-shape";
import type { Capabilities, LogLevel } from "../types";
import type { ExecutionState } from "./execution-state";

/**
 * The host functions behind ctx.http / ctx.store / ctx.log. Each is an "ignored" isolated-vm Callback: the guest
 * passes a call id plus copied arguments and gets nothing back synchronously; the answer arrives later through
 * `deliver(id, envelope)`, an {ok, value} or {ok: false, error: {name, message}} whose message is written here,
 * so no host error object, stack or path reaches the isolate. Fatal problems (policy refusals, budget breaches)
 * are recorded on the execution, which terminates the isolate.
 */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };
export type Deliver = (id: number, envelope: Envelope) => void;

const MAX_KEY = 512;
const MAX_STORE_VALUE = 256 * 1024;
const MAX_LOG_LINES = 1000;
// A guest firing host calls without awaiting them would otherwise queue unbounded work on the host.
const MAX_IN_FLIGHT = 64;
const MAX_HOST_CALLS = 2000;
const LOG_LEVELS = new Set<LogLevel>(["info", "warn", "error"]);
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const MAX_SIGN_BYTES = 1024 * 1024;

export function hostCallbacks(state: ExecutionState, policy: FetchPolicy, capabilities: Capabilities, deliver: Deliver, maxDepth: number) {
  const asyncCallback = (what: string, fn: (...args: unknown[]) => Promise<unknown>) =>
    new ivm.Callback(
      (id: unknown, ...args: unknown[]) => {
        if (typeof id !== "number" || state.isOver) return;
        if (state.inFlight >= MAX_IN_FLIGHT) return deliver(id, refuse("Error", `${what}: more than ${MAX_IN_FLIGHT} host calls in flight; await some first.`));
        if (++state.hostCalls > MAX_HOST_CALLS) return deliver(id, refuse("Error", `${what}: more than ${MAX_HOST_CALLS} host calls in one execution.`));
        state.inFlight++;
        void settle(what, () => fn(...args), state).then((envelope) => {
          state.inFlight--;
          if (!state.isOver) deliver(id, envelope);
        });
      },
      { ignored: true },
    );

  const fetch = asyncCallback("ctx.http.fetch", (url, init) => guardedFetch(url, init as FetchInit | undefined, policy, state, state.ended.signal));

  const store = asyncCallback("ctx.store", async (op, key, value) => {
    const impl = capabilities.store;
    if (!impl) throw new SandboxCapabilityError("ctx.store is not available to this action.");
    if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY) throw new SandboxCapabilityError(`Store keys are strings of 1 to ${MAX_KEY} characters.`);
    if (op === "get") return (await impl.get(key)) ?? null;
    if (op === "delete") return void (await impl.delete(key));
    if (op !== "set") throw new SandboxCapabilityError("Unknown store operation.");
    // The bootstrap sends the value's JSON text (or 0: its JSON.stringify ran out of stack). A value nested too
    // deep would be refused on every attempt, so it fails the execution (a limit), not just this call.
    const tooDeep = depthViolation("The ctx.store value", maxDepth);
    if (value === 0) throw new SandboxLimitError("depth", tooDeep.message);
    if (typeof value !== "string") throw new SandboxCapabilityError(value === undefined ? "Store values must be JSON-serializable (not undefined)." : "Store values must be JSON-serializable.");
    if (Buffer.byteLength(value) > MAX_STORE_VALUE) throw new SandboxCapabilityError(`Store values are limited to ${MAX_STORE_VALUE} bytes of JSON.`);
    if (jsonTextDepth(value, maxDepth) > maxDepth) throw new SandboxLimitError("depth", tooDeep.message);
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new SandboxCapabilityError("Store values must be JSON-serializable.");
    }
    // What JSON round-trips (Dates become strings, Maps vanish) is stored, so reads match writes.
    return void (await impl.set(key, parsed));
  });

  // ctx.secrets / ctx.crypto: one callback, the operation first. Names and bytes are checked here, not by the guest.
  const keyed = asyncCallback("ctx.secrets/ctx.crypto", async (op, name, data) => {
    if (typeof name !== "string" || !NAME.test(name)) throw new SandboxCapabilityError("Secret and key names are 1 to 100 characters: letters, digits, _ . -");
    if (op === "secrets.getOrCreate") {
      if (!capabilities.secrets) throw new SandboxCapabilityError("ctx.secrets is not available to this action (declare the \"secrets\" capability).");
      return String(await capabilities.secrets.getOrCreate(name));
    }
    if (!capabilities.crypto) throw new SandboxCapabilityError("ctx.crypto is not available to this action (declare the \"crypto.sign\" capability).");
    if (op === "crypto.publicKey") return String(await capabilities.crypto.publicKey(name));
    if (op !== "crypto.sign") throw new SandboxCapabilityError("Unknown operation.");
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : Array.isArray(data) && data.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? Buffer.from(data as number[]) : null;
    if (!bytes) throw new SandboxCapabilityError("ctx.crypto.sign signs a string (as UTF-8) or a Uint8Array.");
    if (bytes.length > MAX_SIGN_BYTES) throw new SandboxCapabilityError(`ctx.crypto.sign signs at most ${MAX_SIGN_BYTES} bytes.`);
    return String(await capabilities.crypto.sign(name, new Uint8Array(bytes)));
  });

  let logged = 0;
  const log = new ivm.Callback(
    (level: unknown, message: unknown, data: unknown) => {
      // Re-checked here: the guest-side cap is a courtesy, this one is the limit.
      if (state.isOver || !capabilities.log || ++logged > MAX_LOG_LINES) return;
      if (!LOG_LEVELS.has(level as LogLevel) || typeof message !== "string") return;
      // The bootstrap puts a marker in place of data nested too deep; only a subverted one sends such data.
      const tooDeep = checkJsonValue(data, { maxDepth, maxBytes: Number.MAX_SAFE_INTEGER }, "ctx.log data");
      if (tooDeep) return void state.fail(new SandboxLimitError("depth", tooDeep.message));
      try {
        capabilities.log(level as LogLevel, message.slice(0, 8192), data);
      } catch {
        // A failing log sink must not fail the step.
      }
    },
    { ignored: true },
  );

  return { fetch, store, log, keyed };
}

async function settle(what: string, run: () => Promise<unknown>, state: ExecutionState): Promise<Envelope> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof SandboxError) return refuse(error.name, state.fail(error).message);
    if (error instanceof FetchFailure) {
      if (error.network) state.networkFailures.set(error.message, error.network);
      return refuse("TypeError", error.message);
    }
    if (error instanceof SandboxCapabilityError) return refuse("Error", error.message);
    // Anything else came from inside the host (a database error, a bug): its text stays here.
    return refuse("Error", `${what} failed.`);
  }
}

function refuse(name: string, message: string): Envelope {
  return { ok: false, error: { name, message } };
}
