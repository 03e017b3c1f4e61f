/**
 * Security corpus, part 1: attempts to reach the host realm (process, require, host objects) from inside the
 * isolate. Each attack runs in the real configuration (sandbox process + isolate) and must either fail with a
 * clear error or be inert; after each one the host must still run a canary.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { SandboxGuestError } from "../errors";
import { createSandboxHost } from "../host";
import { bundleOf, hashBundle } from "../testing/bundles";
import { CANARY, expectHostAlive, failure, requestFor } from "../testing/harness";

const host = createSandboxHost({ processes: 1 });
afterAll(() => host.close());

const attack = (source: string, prelude = "") => bundleOf({ attack: source, canary: CANARY }, prelude);
const run = (bundle: ReturnType<typeof attack>, overrides = {}) => host.execute(requestFor(bundle, "attack", overrides));
// The canary runs in the bundle the attack used (same warm isolate, when it is reused).
let lastBundle = attack("() => 1");
const tracked = (source: string, prelude = "") => (lastBundle = attack(source, prelude));
const output = async (source: string, prelude = "") => (await run(tracked(source, prelude))).output;
afterEach(async () => expectHostAlive(host, lastBundle));

describe("constructor chains to Function", () => {
  it("ctx.constructor.constructor('return process')() finds no process", async () => {
    const error = await failure(run(tracked("(ctx) => ctx.constructor.constructor('return process')()")), SandboxGuestError);
    expect(error).toMatchObject({ guestName: "ReferenceError", message: "process is not defined" });
  });

  it("Function reached through a host callback (ctx.http.fetch) evaluates in the guest realm only", async () => {
    // fetch is an async arrow, so its constructor is AsyncFunction: the body's result arrives as a promise.
    const result = await run(tracked("async (ctx) => { const G = await ctx.http.fetch.constructor('return this')(); return { same: G === globalThis, process: typeof G.process, require: typeof G.require } }"));
    expect(result.output).toEqual({ same: true, process: "undefined", require: "undefined" });
  });

  it("Function reached through an error raised by the host (ctx.store) finds no process and no host stack", async () => {
    const result = await run(
      tracked("async (ctx) => { try { await ctx.store.get('k') } catch (e) { return { p: e.constructor.constructor('return typeof process')(), stack: String(e.stack) } } }"),
    );
    const { p, stack } = result.output as { p: string; stack: string };
    expect(p).toBe("undefined");
    expect(stack).not.toMatch(/\/work\/|node_modules|node:|\.ts:/);
  });

  it("Function reached through a fetch failure's error is the guest's", async () => {
    const result = await run(
      tracked("async (ctx) => { try { await ctx.http.fetch('not a url') } catch (e) { return [e.name, e.constructor === TypeError, e.constructor.constructor('return typeof require')()] } }"),
    );
    expect(result.output).toEqual(["TypeError", true, "undefined"]);
  });

  it("eval and new Function see only guest globals", async () => {
    expect(await output("() => [eval('typeof process'), new Function('return typeof module')(), (0, eval)('typeof global')]")).toEqual(["undefined", "undefined", "undefined"]);
  });

  it("dynamic import is not available", async () => {
    const error = await failure(run(tracked("async () => await import('node:fs')")), SandboxGuestError);
    expect(error.message).toMatch(/Not supported/);
  });
});

describe("probing for host globals", () => {
  it("finds none of Node's or the host's globals, and no unmetered APIs", async () => {
    const names = ["process", "require", "module", "exports", "global", "Buffer", "__dirname", "setTimeout", "setInterval", "setImmediate", "queueMicrotask", "fetch", "XMLHttpRequest", "WebSocket", "importScripts", "_ivm", "ivm", "WebAssembly", "SharedArrayBuffer", "Atomics", "WeakRef", "FinalizationRegistry"];
    const result = await run(tracked(`() => Object.fromEntries(${JSON.stringify(names)}.map((n) => [n, typeof globalThis[n]]))`));
    expect(result.output).toEqual(Object.fromEntries(names.map((n) => [n, "undefined"])));
  });

  it("the global object holds nothing but ECMAScript builtins and the bundle's registry", async () => {
    const result = await run(tracked("() => Object.getOwnPropertyNames(globalThis).filter((n) => !/^[A-Z]|^(globalThis|parseFloat|parseInt|decodeURI|decodeURIComponent|encodeURI|encodeURIComponent|escape|unescape|eval|isFinite|isNaN|console|undefined|__junction)$/.test(n))"));
    expect(result.output).toEqual([]);
  });

  it("arguments.callee.caller cannot reach the bootstrap that called run()", async () => {
    // A sloppy-mode function; its caller (the bootstrap's invoke) is strict, so V8 reports null.
    const result = await run(tracked("function (ctx) { return { caller: String(arguments.callee.caller) } }"));
    expect(result.output).toEqual({ caller: "null" });
  });
});

describe("Error.prepareStackTrace and stack frames", () => {
  it("frames seen during a host call expose no host functions, receivers or file names", async () => {
    const result = await run(
      tracked(`async (ctx) => {
        const seen = [];
        Error.prepareStackTrace = (e, frames) => { for (const f of frames) seen.push([typeof f.getFunction(), typeof f.getThis(), String(f.getFileName())]); return 'x' };
        try { await ctx.store.get('k') } catch (e) { e.stack }
        new Error('probe').stack;
        return seen;
      }`),
    );
    const frames = result.output as [string, string, string][];
    expect(frames.length).toBeGreaterThan(0);
    for (const [, , file] of frames) expect(file).toMatch(/^(junction:\/\/|undefined|null)/);
    // The bootstrap is strict: its frames give neither function nor receiver.
    expect(frames.filter(([, , file]) => file.startsWith("junction://bootstrap")).every(([fn, self]) => fn === "undefined" && self === "undefined")).toBe(true);
  });

  it("Error.captureStackTrace on ctx objects reveals nothing of the host", async () => {
    const result = await run(tracked("(ctx) => { const o = {}; Error.captureStackTrace(o, ctx.http.fetch); return String(o.stack) }"));
    expect(result.output).not.toMatch(/\/work\/|node_modules|node:/);
  });
});

describe("Promise species and thenables", () => {
  it("a subclassed Promise species and a hijacked then cannot change what the host receives", async () => {
    const prelude = `class Evil extends Promise { static get [Symbol.species]() { return Promise } }
      globalThis.Promise = Evil; const then = Promise.prototype.then;
      Object.getPrototypeOf(Promise).prototype.then = function (a, b) { return then.call(this, (v) => a && a(typeof v === 'string' ? 'tampered' : v), b) };`;
    const result = await run(tracked("async (ctx) => ({ fine: true })", prelude));
    expect(result.output).toEqual({ fine: true });
  });

  it("a thenable whose then throws fails the step as the guest's error", async () => {
    const error = await failure(run(tracked("() => ({ then() { throw new Error('then exploded') } })")), SandboxGuestError);
    expect(error.message).toBe("then exploded");
  });

  it("a Promise.prototype.then replaced before a host call cannot intercept the host's answer", async () => {
    const result = await run(
      tracked("async (ctx) => { Promise.prototype.then = function () { throw new Error('hijacked') }; try { await ctx.store.get('k') } catch (e) { return e.message } }"),
    );
    expect(typeof result.output).toBe("string");
  });
});

describe("prototype pollution", () => {
  it("Object.prototype polluted inside does not reach the host, in output or otherwise", async () => {
    const result = await run(tracked("() => { Object.prototype.polluted = 'yes'; Object.prototype.toString = () => 'owned'; return JSON.parse('{\"__proto__\": {\"polluted\": \"via output\"}, \"a\": 1}') }"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
    const out = result.output as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "a"]); // an own key, not a prototype
  });

  it("a bundle replacing Object.freeze and JSON before ctx exists gets a frozen ctx and a correct output", async () => {
    const prelude = "Object.freeze = (o) => o; JSON.stringify = () => '\"forged\"'; Array.prototype.map = () => { throw new Error('map') };";
    const result = await run(tracked("(ctx) => ({ frozen: Object.isFrozen(ctx) && Object.isFrozen(ctx.http), real: 1 })", prelude));
    expect(result.output).toEqual({ frozen: true, real: 1 });
  });

  it("ctx objects cannot be modified to redirect the host's callbacks", async () => {
    const error = await failure(run(tracked("(ctx) => { 'use strict'; ctx.http.fetch = () => 'mine'; }")), SandboxGuestError);
    expect(error.guestName).toBe("TypeError");
  });
});

describe("with statements and getters", () => {
  it("with + Proxy scope tricks stay inside the guest", async () => {
    const result = await run(tracked("function (ctx) { with (new Proxy({}, { has: () => true, get: (t, k) => k === Symbol.unscopables ? undefined : 'trap:' + String(k) })) { return [process, require] } }"));
    expect(result.output).toEqual(["trap:process", "trap:require"]);
  });

  it("getters on host-call arguments run once, in the guest, before anything crosses (no check/use split)", async () => {
    const keys: string[] = [];
    const values: unknown[] = [];
    const store = { get: () => null, set: (k: string, v: unknown) => void (keys.push(k), values.push(v)), delete: () => {} };
    const source = `async (ctx) => {
      let reads = 0;
      const key = { toString() { reads++; return reads === 1 ? 'allowed' : '../../other-installation' } };
      const value = { get n() { reads++; return reads === 2 ? 1 : 666 } };
      await ctx.store.set(key, value);
      return reads;
    }`;
    const result = await run(tracked(source), { capabilities: { store } });
    expect(result.output).toBe(2);
    expect(keys).toEqual(["allowed"]);
    expect(values).toEqual([{ n: 1 }]);
  });

  it("a Proxy passed to a host callback cannot be copied and fails as a guest error", async () => {
    const error = await failure(run(tracked("async (ctx) => { await ctx.store.set('k', new Proxy({}, { get() { throw new Error('trap') } })) }")), SandboxGuestError);
    expect(error.message).toMatch(/could not be cloned|trap/);
  });

  it("a registry that is a throwing Proxy fails cleanly", async () => {
    const trap = hashBundle("globalThis.__junction = new Proxy({}, { get() { throw new Error('registry trap') } })");
    const error = await failure(run(trap), SandboxGuestError);
    expect(error.message).toBe("registry trap");
  });
});
