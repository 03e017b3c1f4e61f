import { createHash } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { build as esbuild, type BuildFailure, type BuildOptions } from "esbuild";
import { ManifestError, parseManifest, type Manifest } from "@junction/sdk";
import { refuseNodeBuiltins } from "./node-builtins";

export type BuildResult = { manifest: Manifest; bundle: string; sha256: string; bundlePath: string; manifestPath: string };

/** The package cannot be built; `problems` are the lines to show (esbuild errors or manifest problems). */
export class BuildError extends Error {
  override name = "BuildError";
  constructor(readonly problems: string[]) {
    super(`Build failed:\n  ${problems.join("\n  ")}`);
  }
}

const COMMON: BuildOptions = {
  bundle: true,
  write: false,
  format: "iife",
  platform: "neutral",
  // platform "neutral" reads no package.json main fields by default; most npm packages still need them.
  mainFields: ["module", "main"],
  target: "es2023",
  define: { "process.env.NODE_ENV": '"production"' },
  plugins: [refuseNodeBuiltins],
  logLevel: "silent",
  legalComments: "none",
};

async function bundle(dir: string, entry: string, minify: boolean): Promise<string> {
  try {
    const result = await esbuild({ ...COMMON, minify, stdin: { contents: entry, resolveDir: dir, sourcefile: "junction-entry.js", loader: "ts" } });
    return result.outputFiles![0]!.text;
  } catch (err) {
    const failure = err as BuildFailure;
    if (!Array.isArray(failure.errors)) throw err;
    throw new BuildError(failure.errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text)));
  }
}

/**
 * The manifest comes from running the package's code (manifestOf of its default export), bundled the same way as
 * for the sandbox and evaluated in a bare vm context: the code cannot use Node APIs anyway, and this way the
 * CLI needs no TypeScript loader. vm is not a security boundary; this is the author's own code on their machine.
 */
function manifestEntry(index: string): string {
  return `import integration from ${JSON.stringify(index)};
import { manifestOf } from "@junction/sdk";
try {
  if (!integration || typeof integration !== "object" || !("definition" in integration)) throw new Error("src/index.ts must \`export default defineIntegration({ ... })\`");
  globalThis.__result = JSON.stringify({ ok: true, manifest: manifestOf(integration) });
} catch (e) {
  globalThis.__result = JSON.stringify({ ok: false, problems: Array.isArray(e && e.problems) ? e.problems : [String(e && e.message || e)] });
}`;
}

function sandboxEntry(index: string): string {
  return `import integration from ${JSON.stringify(index)};
import { toSandboxEntry } from "@junction/sdk";
globalThis.__junction = toSandboxEntry(integration);`;
}

/** Builds a package (into `outDir`, default <package>/dist): bundle.js (one classic script for the sandbox), dist/manifest.json, dist/bundle.js.sha256. */
export async function buildPackage(packageDir: string, options: { outDir?: string } = {}): Promise<BuildResult> {
  const dir = path.resolve(packageDir);
  const index = path.join(dir, "src", "index.ts");
  await stat(index).catch(() => {
    throw new BuildError([`${index} not found: a package's entry is src/index.ts (export default defineIntegration({ ... }))`]);
  });
  const [code, probe] = await Promise.all([bundle(dir, sandboxEntry(index), true), bundle(dir, manifestEntry(index), false)]);
  // URL: the manifest schema checks oauth2 authorizeUrl/tokenUrl with z.url(), which needs it (a bare vm has none).
  const sandbox: { __result?: string; URL: typeof URL } = { URL };
  runInNewContext(probe, sandbox, { timeout: 5_000, filename: "manifest-probe.js" });
  const result = JSON.parse(sandbox.__result ?? '{"ok":false,"problems":["the package did not finish loading"]}') as { ok: true; manifest: unknown } | { ok: false; problems: string[] };
  if (!result.ok) throw new BuildError(result.problems);
  const manifest = parseManifest(result.manifest); // the same schema the server applies on submission
  await checkDependencies(dir, manifest);
  const sha256 = createHash("sha256").update(code).digest("hex");
  const out = options.outDir ? path.resolve(options.outDir) : path.join(dir, "dist");
  await mkdir(out, { recursive: true });
  const bundlePath = path.join(out, "bundle.js");
  const manifestPath = path.join(out, "manifest.json");
  await writeFile(bundlePath, code);
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(path.join(out, "bundle.js.sha256"), `${sha256}  bundle.js\n`);
  return { manifest, bundle: code, sha256, bundlePath, manifestPath };
}

/** The manifest's `dependencies` must name what package.json bundles, so reviewers see the real list. */
async function checkDependencies(dir: string, manifest: Manifest): Promise<void> {
  const pkg = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8").catch(() => "{}")) as { dependencies?: Record<string, string> };
  const missing = Object.keys(pkg.dependencies ?? {}).filter((name) => !(name in manifest.dependencies) && !name.startsWith("@junction/"));
  if (missing.length) throw new BuildError([`dependencies: package.json bundles ${missing.join(", ")}; list them in the manifest's dependencies too`]);
}

export { ManifestError };
