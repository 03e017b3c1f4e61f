import { afterAll, describe, expect, it } from "vitest";
import { SandboxGuestError, SandboxLimitError } from "../../../runtime";
import { buildForSandbox, sandboxRunner } from "../../testing/sandbox";

// The user's code evaluated by new Function inside the isolate: it sees only the guest realm, under the limits.
const built = await buildForSandbox(new URL("..", import.meta.url).pathname);
const { host, run } = sandboxRunner(built);
afterAll(() => host.close());

describe("code in the sandbox", () => {
  it("runs the user's code on its inputs", async () => {
    const { output } = await run("run_code", { code: "return inputs.items.map((i) => i * 2);", inputs: { items: [1, 2, 3] } });
    expect(output).toEqual({ result: [2, 4, 6] });
  });

  it("gives the code no host: no process, require, fetch or Node globals", async () => {
    const code = "return [typeof process, typeof require, typeof fetch, typeof Buffer, typeof globalThis.__junction.actions.run_code];";
    const { output } = await run("run_code", { code });
    expect(output).toEqual({ result: ["undefined", "undefined", "undefined", "undefined", "object"] });
  });

  it("stops an endless loop at the CPU limit and reports the user's errors by name", async () => {
    const loop = await run("run_code", { code: "while (true) {}" }, { limits: { cpuMs: 200, wallMs: 5_000, heapMb: 64 } }).catch((e: unknown) => e);
    expect(loop).toBeInstanceOf(SandboxLimitError);
    expect(loop).toMatchObject({ limit: "cpu" });
    const thrown = await run("run_code", { code: "throw new Error('bad data')" }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(SandboxGuestError);
    expect(thrown).toMatchObject({ guestName: "CodeRuntimeError", message: "Your code threw Error: bad data" });
  });
});
