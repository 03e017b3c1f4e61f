import { createHash } from "node:crypto";

export type TestBundle = { bundle: string; bundleHash: string };

export function hashBundle(bundle: string): TestBundle {
  return { bundle, bundleHash: createHash("sha256").update(bundle).digest("hex") };
}

/**
 * A bundle in the runtime's format from action bodies given as source text, e.g.
 * `bundleOf({ echo: "async (ctx) => ctx.input" })`. `prelude` is top-level code that runs before the registry
 * is assigned (as a real bundle's module code would).
 */
export function bundleOf(actions: Record<string, string>, prelude = ""): TestBundle {
  const entries = Object.entries(actions).map(([key, run]) => `${JSON.stringify(key)}: { run: ${run} }`);
  return hashBundle(`${prelude}\nglobalThis.__junction = { actions: { ${entries.join(",\n")} } };\n`);
}
