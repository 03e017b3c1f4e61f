import { accessSync, constants, realpathSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expected } from "./fail";

/** Where scripts/setup.sh keeps Node 24 and the temporal CLI (shared across clones, like ~/.cache/go-build). */
export function cacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "junction");
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The temporal CLI: one on PATH wins (a user's own install), else the one setup.sh built into the cache. */
export function temporalBinary(): string {
  const found = onPath("temporal") ?? [path.join(cacheDir(), "bin", "temporal")].find(executable);
  if (!found) throw expected("temporal CLI not found on PATH or in the cache; run `npm run setup`.");
  return found;
}

/**
 * A node_modules/.bin tool as [node, script]: run with the Node 24 running us rather than through the
 * `#!/usr/bin/env node` shebang, which could pick the machine's older node.
 */
export function binScript(root: string, name: string): string[] {
  return [process.execPath, realpathSync(path.join(root, "node_modules", ".bin", name))];
}
