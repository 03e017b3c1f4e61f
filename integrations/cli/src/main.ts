import { ManifestError } from "@junction/sdk";
import { BuildError, buildPackage } from "./build";
import { ValidationError, validateTarget } from "./validate";

const HELP = `junction — build and publish Junction integrations

Usage:
  junction build [dir]                bundle src/index.ts into dist/bundle.js + dist/manifest.json (+ sha256)
  junction validate <manifest.json>   check a manifest against the platform's schema
  junction validate <dir>             check a built package: manifest, bundle hash, registered actions
  junction --version                  print the CLI version
  junction --help                     show this help`;

type Out = { log: (s: string) => void; error: (s: string) => void };

/** Known failures print their problems and exit 1; anything else is a bug and propagates. */
async function report(out: Out, work: () => Promise<string>): Promise<number> {
  try {
    out.log(await work());
    return 0;
  } catch (err) {
    if (!(err instanceof ManifestError || err instanceof BuildError || err instanceof ValidationError)) throw err;
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
    case "validate": {
      const target = rest[0];
      if (!target) {
        out.error("validate needs a file or a package directory: junction validate <manifest.json|dir>");
        return 2;
      }
      return report(out, async () => {
        const m = await validateTarget(target);
        return `✓ ${m.id}@${m.version}: ${m.actions.length} action(s), ${m.triggers.length} trigger(s), ${m.connections.length} connection(s)`;
      });
    }
    case "build":
      return report(out, async () => {
        const r = await buildPackage(rest[0] ?? ".");
        return `✓ built ${r.manifest.id}@${r.manifest.version}: ${r.bundlePath} (${r.bundle.length} bytes, sha256 ${r.sha256})`;
      });
    default:
      out.error(`Unknown command "${command}". Run junction --help for the list.`);
      return 2;
  }
}
