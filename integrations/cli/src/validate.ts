import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { parseManifest, type Manifest } from "@junction/sdk";

/** A manifest or built package that the platform would refuse; `problems` are the lines to show. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(readonly problems: string[]) {
    super(problems.join("\n  "));
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new ValidationError([`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError([`Cannot read ${file}: not valid JSON (${(err as Error).message})`]);
  }
}

/**
 * Validates a manifest file, or a built package (a package directory with dist/, or a build output directory): its manifest, the bundle's sha256,
 * and that the bundle registers an entry for every action in the manifest.
 */
export async function validateTarget(target: string): Promise<Manifest> {
  const isDir = await stat(target).then((s) => s.isDirectory(), () => false);
  // A package directory (its dist/) or a build output directory itself.
  const dist = isDir && !(await stat(path.join(target, "bundle.js")).catch(() => undefined)) ? path.join(target, "dist") : target;
  const manifest = parseManifest(await readJson(isDir ? path.join(dist, "manifest.json") : target));
  if (!isDir) return manifest;
  const bundle = await readFile(path.join(dist, "bundle.js"), "utf8").catch(() => {
    throw new ValidationError([`${dist}/bundle.js is missing: run junction build first`]);
  });
  const recorded = (await readFile(path.join(dist, "bundle.js.sha256"), "utf8").catch(() => "")).split(/\s/)[0];
  const actual = createHash("sha256").update(bundle).digest("hex");
  if (recorded !== actual) throw new ValidationError([`bundle.js does not match bundle.js.sha256 (${recorded || "missing"} ≠ ${actual}): rebuild`]);
  const keys = registeredKeys(bundle);
  const missing = manifest.actions.map((a) => a.key).filter((k) => !keys.includes(k));
  if (missing.length) throw new ValidationError([`the bundle registers no entry for action(s) ${missing.join(", ")}`]);
  return manifest;
}

/** Entry keys the bundle assigns to globalThis.__junction (run in a bare vm context: the author's own code). */
function registeredKeys(bundle: string): string[] {
  const context: Record<string, unknown> = {};
  try {
    runInNewContext(`${bundle}\n;globalThis.__keys = JSON.stringify(Object.keys((globalThis.__junction || {}).actions || {}));`, context, { timeout: 5_000 });
  } catch (err) {
    throw new ValidationError([`the bundle fails to load: ${(err as Error).message}`]);
  }
  return JSON.parse(String(context.__keys)) as string[];
}
