import { readFile } from "node:fs/promises";
import { ManifestError, parseManifest } from "@junction/sdk";

const HELP = `junction — build and publish Junction integrations

Usage:
  junction validate <manifest.json>   check a manifest against the platform's schema
  junction --version                  print the CLI version
  junction --help                     show this help

More commands (create, dev, build, test, publish) arrive with the integration SDK.`;

type Out = { log: (s: string) => void; error: (s: string) => void };

async function validate(file: string | undefined, out: Out): Promise<number> {
  if (!file) {
    out.error("validate needs a file: junction validate <manifest.json>");
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    out.error(`Cannot read ${file}: ${err instanceof SyntaxError ? `not valid JSON (${err.message})` : (err as NodeJS.ErrnoException).code ?? String(err)}`);
    return 1;
  }
  try {
    const m = parseManifest(json);
    out.log(`✓ ${m.id}@${m.version}: ${m.actions.length} action(s), ${m.triggers.length} trigger(s), ${m.connections.length} connection(s)`);
    return 0;
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    out.error(err.message);
    return 1;
  }
}

/** Runs one CLI invocation and returns the exit code (testable without spawning a process). */
export async function main(argv: string[], out: Out = { log: console.log, error: console.error }): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "--help":
    case "-h":
    case "help":
      out.log(HELP);
      return 0;
    case "--version":
    case "-v":
      out.log("0.1.0");
      return 0;
    case "validate":
      return validate(rest[0], out);
    default:
      out.error(`Unknown command "${command}". Run junction --help for the list.`);
      return 2;
  }
}
