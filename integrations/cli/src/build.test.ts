import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { BuildError, buildPackage } from "./build";
import { main } from "./main";

const fixture = (name: string) => path.join(import.meta.dirname, "..", "test-fixtures", name);
const outDir = () => mkdtemp(path.join(tmpdir(), "junction-build-"));

describe("junction build", () => {
  it("writes one classic script that registers the actions, the manifest and the bundle's sha256", async () => {
    const out = await outDir();
    const result = await buildPackage(fixture("tiny"), { outDir: out });
    expect(result.manifest).toMatchObject({ id: "tiny", version: "0.3.0", actions: [{ key: "shout", input: { properties: { text: { type: "string" } } } }] });
    const bundle = await readFile(path.join(out, "bundle.js"), "utf8");
    expect(bundle).toBe(result.bundle);
    expect(bundle).not.toMatch(/\brequire\(|^import |^export /m);
    expect(JSON.parse(await readFile(path.join(out, "manifest.json"), "utf8"))).toEqual(result.manifest);
    expect(await readFile(path.join(out, "bundle.js.sha256"), "utf8")).toBe(`${result.sha256}  bundle.js\n`);
    // The registry the runtime expects, with input validation inside.
    const g: { __junction?: { actions: Record<string, { run: (ctx: unknown) => Promise<unknown> }> } } = {};
    runInNewContext(bundle, g);
    expect(await g.__junction!.actions.shout!.run({ input: { text: "hi" } })).toEqual({ text: "HI" });
    await expect(g.__junction!.actions.shout!.run({ input: {} })).rejects.toThrow('Invalid input for shout: field "text"');
  });

  it("fails with a clear message when the code imports a Node builtin", async () => {
    const error = await buildPackage(fixture("uses-fs"), { outDir: await outDir() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).problems[0]).toMatch(/uses-fs\/src\/helper\.ts:1:\d+: "node:fs" is a Node builtin, which integrations cannot use: they run in a sandbox without Node APIs/);
  });

  it("lists manifest problems and exits 1 from the command line", async () => {
    const lines: string[] = [];
    const code = await main(["build", fixture("bad-manifest")], { log: (s) => lines.push(s), error: (s) => lines.push(s) });
    expect(code).toBe(1);
    expect(lines.join("\n")).toMatch(/version: must be a semantic version/);
  });

  it("validate checks a built package: manifest, sha256 and registered actions", async () => {
    const out = await outDir();
    await buildPackage(fixture("tiny"), { outDir: out });
    const lines: string[] = [];
    const io = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(`ERR ${s}`) };
    expect(await main(["validate", out], io)).toBe(0);
    expect(lines.pop()).toBe("✓ tiny@0.3.0: 1 action(s), 1 trigger(s), 1 connection(s)");
    await writeFile(path.join(out, "bundle.js"), "globalThis.__junction = { actions: {} };");
    expect(await main(["validate", out], io)).toBe(1);
    expect(lines.pop()).toMatch(/^ERR bundle\.js does not match bundle\.js\.sha256/);
  });
});
