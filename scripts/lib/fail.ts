import { redactForLog } from "../../db/redact";

/**
 * Expected faults (busy port, unreachable database, missing tool) are reported as one line and a non-zero
 * exit; a stack trace would bury the one thing the user has to do. Unexpected errors keep their stack.
 */
export class ExpectedError extends Error {
  override name = "ExpectedError";
}

/** Throw this from library code; the entry point's `runMain` prints it as one line. */
export function expected(message: string): ExpectedError {
  return new ExpectedError(message);
}

/** Print one line and exit non-zero. For entry points only: library code should throw `expected(...)`. */
export function fail(message: string, code = 1): never {
  process.stderr.write(`✗ ${message}\n`);
  process.exit(code);
}

/** Runs an entry point's main, turning ExpectedError into `fail` and anything else into a full report. */
export function runMain(main: () => Promise<number | void>, cleanup?: () => Promise<void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    async (error: unknown) => {
      await cleanup?.().catch(() => {});
      if (error instanceof ExpectedError) fail(error.message);
      // Redacted like every log line: a failed query's error carries its parameters (sealed secrets, hashes).
      console.error(redactForLog(error));
      process.exit(1);
    },
  );
}
