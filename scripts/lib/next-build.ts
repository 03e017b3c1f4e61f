import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expected } from "./fail";
import { spawnChild, type Child } from "./processes";
import { binScript } from "./toolchain";

/** What `next build` compiles from (tests excluded): if any of it is newer than the last build, the build is stale. */
const SOURCE_DIRS = ["app", "server", "db", "workflows", "integrations", "public"];
const SOURCE_FILES = [
  "next.config.ts", "next.config.mjs", "next.config.js", "postcss.config.mjs", "tailwind.config.ts",
  "tsconfig.json", "package.json", "package-lock.json", "middleware.ts", "proxy.ts", "instrumentation.ts",
];
const SKIP = new Set(["node_modules", ".next", "dist", ".turbo", "test-results"]);

/** Returns a reason to build ("no build yet", "app/page.tsx changed"), or undefined when .next is current. */
export function staleReason(root: string): string | undefined {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).mtimeMs > builtAt) return `${file} changed`;
  }
  for (const dir of SOURCE_DIRS) {
    const newer = newerFile(root, path.join(root, dir), builtAt);
    if (newer) return `${newer} changed`;
  }
  return undefined;
}

function newerFile(root: string, dir: string, than: number): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = newerFile(root, full, than);
      if (found) return found;
    } else if (!/\.test\.tsx?$/.test(entry.name) && statSync(full).mtimeMs > than) {
      return path.relative(root, full);
    }
  }
  return undefined;
}

/** `next build`, output in a log (its tail is shown on failure: usually a type or import error). */
export async function nextBuild(
  root: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  track: (child: Child) => void = () => {},
): Promise<void> {
  const [node, next] = binScript(root, "next");
  const child = spawnChild({
    name: "build",
    command: node!,
    args: [next!, "build"],
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    output: { kind: "log", file: logFile },
  });
  track(child);
  const { code } = await child.exited;
  if (code !== 0) throw expected(`next build failed (full log: ${logFile}):\n${child.tail(40)}`);
}
