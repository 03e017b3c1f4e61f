import { runAction } from "@junction/sdk/testing";
import { describe, expect, it } from "vitest";
import integration from "../src/index";

// Unit tests run the user's code in Node (the testing helper is not a sandbox); sandbox.test.ts runs it in an isolate.
const run = (code: string, inputs: Record<string, unknown> = {}) => runAction(integration, "run_code", { input: { code, inputs } });

describe("run_code", () => {
  it("returns what the code returns, with inputs and log in scope; awaits promises", async () => {
    const { output, logs } = await run("log.info('adding', { n: 2 }); const x = await Promise.resolve(inputs.a); return { sum: x + inputs.b };", { a: 1, b: 2 });
    expect(output).toEqual({ result: { sum: 3 } });
    expect(logs).toEqual([{ level: "info", message: "adding", data: { n: 2 } }]);
  });

  it("turns no return into null", async () => {
    expect((await run("const unused = 1;")).output).toEqual({ result: null });
  });

  it("names syntax errors, thrown errors and non-JSON results", async () => {
    await expect(run("return (")).rejects.toMatchObject({ name: "CodeSyntaxError", message: expect.stringMatching(/^Your code does not compile: SyntaxError/) });
    await expect(run("throw new RangeError('too big')")).rejects.toMatchObject({ name: "CodeRuntimeError", message: "Your code threw RangeError: too big" });
    await expect(run("const a = {}; a.a = a; return a;")).rejects.toMatchObject({ name: "CodeRuntimeError", message: expect.stringMatching(/^Your code returned a value that is not JSON/) });
  });

  it("runs in strict mode", async () => {
    await expect(run("undeclared = 1; return 1;")).rejects.toThrow(/ReferenceError/);
  });
});
