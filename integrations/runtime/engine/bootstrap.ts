/**
 * The guest-side half of the sandbox contract, run in every fresh context *before* the bundle. It captures the
 * intrinsics it needs (so a bundle that replaces JSON or Promise only breaks itself), removes globals we cannot
 * meter or that could outlive the execution, and evaluates to [invoke, deliver] — which the host keeps as
 * References and never hands to the guest. invoke builds ctx from copies plus the host Callbacks it receives,
 * runs the action and returns ONE string, so the host never walks a guest object:
 *   "v" + JSON of the output | "e" + JSON {name, message, retryable?, retryAfterMs?, status?} | "L" + output length when over the output limit
 *   | "D" when JSON.stringify ran out of stack on the output (nested thousands deep)
 * followed by nothing else; `pending` (host calls the guest started but has not seen settle) rides in front as
 * "<n>|". Everything here is a convenience for the guest: the host re-checks every argument and the result.
 */
export const BOOTSTRAP_SOURCE = String.raw`(function () {
"use strict";
const g = globalThis;
const freeze = Object.freeze, hasOwn = Object.hasOwn, entries = Object.entries;
const stringify = JSON.stringify, parse = JSON.parse, toStr = String, isArray = Array.isArray, arrayFrom = Array.from;
const U8 = Uint8Array;
const ErrorCtor = Error, TypeErrorCtor = TypeError, RangeErrorCtor = RangeError, PromiseCtor = Promise;
// Not metered by the host (WebAssembly memory, shared memory and Atomics.wait) or able to run guest code after
// the execution ended (finalizers): out of the sandbox.
for (const name of ["WebAssembly", "SharedArrayBuffer", "Atomics", "WeakRef", "FinalizationRegistry"]) delete g[name];

function clip(value, max) {
  const text = typeof value === "string" ? value : describeValue(value);
  return text.length > max ? text.substring(0, max) + "…" : text;
}
function describeValue(value) {
  try { return toStr(value); } catch { return "[unprintable value]"; }
}
function describeError(error) {
  try {
    if (error !== null && (typeof error === "object" || typeof error === "function")) {
      const name = error.name, message = error.message;
      const described = { name: clip(typeof name === "string" && name ? name : "Error", 100), message: clip(message === undefined ? describeValue(error) : message, 2000) };
      // What the action says about its own error (the SDK's RetryableError / PermanentError): a hint the host checks.
      const retryable = error.retryable, retryAfterMs = error.retryAfterMs, status = error.status;
      if (typeof retryable === "boolean") described.retryable = retryable;
      if (typeof retryAfterMs === "number") described.retryAfterMs = retryAfterMs;
      if (typeof status === "number") described.status = status;
      return described;
    }
    return { name: "Error", message: clip(error, 2000) };
  } catch {
    return { name: "Error", message: "The action threw a value that could not be described." };
  }
}
function fail(error) {
  const err = error.name === "TypeError" ? new TypeErrorCtor(error.message) : new ErrorCtor(error.message);
  if (error.name !== "TypeError") err.name = error.name;
  throw err;
}

// Host calls are asynchronous but isolated-vm Callbacks cannot await the host: the guest starts one through an
// "ignored" Callback with a fresh id, and the host answers later through deliver(id, envelope).
const waiting = Object.create(null);
let nextId = 1;
let pending = 0;
function call(callback, args) {
  return new PromiseCtor((resolve, reject) => {
    const id = nextId++;
    waiting[id] = { resolve, reject };
    pending++;
    callback(id, args[0], args[1], args[2]);
  });
}
function deliver(id, envelope) {
  const w = waiting[id];
  if (w === undefined) return;
  delete waiting[id];
  pending--;
  try {
    envelope.ok ? w.resolve(envelope.value) : fail(envelope.error);
  } catch (error) {
    w.reject(error);
  }
}

// Deepest bracket nesting of JSON text (brackets inside strings skipped), like the host's jsonTextDepth.
function textDepth(text) {
  let depth = 0, deepest = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) { if (c === 92) i++; else if (c === 34) inString = false; }
    else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { if (++depth > deepest) deepest = depth; }
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

// A store value crosses as its JSON text: copying an object nested thousands deep out of the isolate fails
// silently. DEEP stands for a value JSON.stringify ran out of stack on; the host measures the text's depth itself.
const DEEP = 0;
function storeText(value) {
  try {
    return value === undefined ? undefined : stringify(value);
  } catch (error) {
    if (error instanceof RangeErrorCtor) return DEEP;
    throw error; // the guest's own (a circular value, a throwing getter): it sees what JSON.stringify threw
  }
}

async function invoke(actionKey, input, connection, run, options, fetchCb, storeCb, logCb, keyedCb) {
  function respond(body) {
    return pending + "|" + body;
  }
  let logLines = 0;
  const log = (level) => (message, data) => {
    if (logLines >= options.maxLogLines) return;
    logLines++;
    let copy;
    try {
      const json = data === undefined ? undefined : stringify(data);
      copy = json === undefined ? undefined : json.length > 16384 ? "[data larger than 16 KB]" : textDepth(json) > options.maxDepth ? "[data nested deeper than " + options.maxDepth + " levels]" : parse(json);
    } catch (error) {
      copy = error instanceof RangeErrorCtor ? "[data nested deeper than " + options.maxDepth + " levels]" : "[data not JSON-serializable]";
    }
    logCb(level, clip(message, 8192), copy);
  };
  const response = (r) => {
    const body = r.body;
    return freeze({
      status: r.status, statusText: r.statusText, ok: r.status >= 200 && r.status < 300, redirected: r.redirected,
      url: r.url, headers: freeze(r.headers), text: async () => body, json: async () => parse(body),
    });
  };
  const headerPairs = (headers) =>
    headers === undefined || headers === null ? undefined : isArray(headers) ? headers.map((p) => [toStr(p[0]), toStr(p[1])]) : entries(headers).map((p) => [p[0], toStr(p[1])]);
  const ctx = freeze({
    input,
    connection,
    run: freeze(run),
    http: freeze({
      fetch: async (url, init) => {
        const i = init === undefined || init === null ? {} : init;
        const shaped = { method: i.method, headers: headerPairs(i.headers), body: i.body, redirect: i.redirect };
        return response(await call(fetchCb, [toStr(url), shaped]));
      },
    }),
    store: freeze({
      get: (key) => call(storeCb, ["get", toStr(key)]),
      set: async (key, value) => { await call(storeCb, ["set", toStr(key), storeText(value)]); },
      delete: async (key) => { await call(storeCb, ["delete", toStr(key)]); },
    }),
    log: freeze({ info: log("info"), warn: log("warn"), error: log("error") }),
    secrets: freeze({ getOrCreate: (name) => call(keyedCb, ["secrets.getOrCreate", toStr(name)]) }),
    crypto: freeze({
      // Bytes cross as a plain array of numbers (or a string, signed as UTF-8); the host re-checks both.
      sign: (keyName, bytes) => call(keyedCb, ["crypto.sign", toStr(keyName), bytes instanceof U8 ? arrayFrom(bytes) : toStr(bytes)]),
      publicKey: (keyName) => call(keyedCb, ["crypto.publicKey", toStr(keyName)]),
    }),
  });

  let output;
  try {
    const registry = g.__junction;
    const actions = registry !== null && typeof registry === "object" ? registry.actions : undefined;
    const action = actions !== null && typeof actions === "object" && hasOwn(actions, actionKey) ? actions[actionKey] : undefined;
    if (action === null || typeof action !== "object" || typeof action.run !== "function") {
      return respond("e" + stringify({ name: "ActionNotFound", message: "The bundle defines no action " + stringify(actionKey) + " (expected globalThis.__junction.actions[key].run)." }));
    }
    output = await action.run(ctx);
  } catch (error) {
    return respond("e" + stringify(describeError(error)));
  }
  let json;
  try {
    json = output === undefined ? "null" : stringify(output);
  } catch (error) {
    // Nesting is what makes JSON.stringify run out of stack; the host reports the depth limit it breaks.
    if (error instanceof RangeErrorCtor) return respond("D");
    return respond("e" + stringify({ name: "TypeError", message: "The action's output is not JSON-serializable: " + describeError(error).message }));
  }
  if (json === undefined) json = "null";
  // Characters <= UTF-8 bytes, so this early check never refuses an output the host would accept.
  if (json.length > options.outputBytes) return respond("L" + json.length);
  return respond("v" + json);
}
return [invoke, deliver];
})()`;
