/**
 * Evaluates the user's code as the body of an async function `(inputs, log) => …`.
 *
 * Why `new Function` is safe here: the bundle runs inside an isolated-vm isolate, which IS the sandbox. The
 * function is compiled in the guest realm and sees only guest globals (no process, require, host objects —
 * integrations/runtime/security/realm-escape.test.ts checks eval/new Function), and it runs under the same
 * heap, CPU, wall-time and output limits as any integration code. The isolate boundary, not this function,
 * is the security boundary; code can do no more than an integration's own code could.
 * (In unit tests through @junction/sdk/testing there is no isolate: that is the test author's own code.)
 */

/** The user's code does not compile. */
export class CodeSyntaxError extends Error {
  override name = "CodeSyntaxError";
}

/** The user's code threw; the message is theirs. */
export class CodeRuntimeError extends Error {
  override name = "CodeRuntimeError";
}

type Log = { info(message: string, data?: unknown): void; warn(message: string, data?: unknown): void; error(message: string, data?: unknown): void };
type UserFunction = (inputs: Record<string, unknown>, log: Log) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => UserFunction;

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function evaluate(code: string, inputs: Record<string, unknown>, log: Log): Promise<unknown> {
  let fn: UserFunction;
  try {
    fn = new AsyncFunction("inputs", "log", `"use strict";\n${code}`);
  } catch (error) {
    throw new CodeSyntaxError(`Your code does not compile: ${messageOf(error)}`);
  }
  let result: unknown;
  try {
    result = await fn(inputs, log);
  } catch (error) {
    throw new CodeRuntimeError(`Your code threw ${messageOf(error)}`);
  }
  // Outputs are stored as JSON; say so here rather than let a Map or a cycle fail later with a vaguer message.
  try {
    return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
  } catch (error) {
    throw new CodeRuntimeError(`Your code returned a value that is not JSON: ${messageOf(error)}`);
  }
}
