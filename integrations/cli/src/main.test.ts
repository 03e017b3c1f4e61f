import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main";

function capture() {
  const lines: string[] = [];
  return { lines, out: { log: (s: string) => lines.push(s), error: (s: string) => lines.push(`ERR ${s}`) } };
}

async function file(content: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "junction-cli-"));
  const p = path.join(dir, "manifest.json");
  await writeFile(p, content);
  return p;
}

describe("junction validate", () => {
  it("accepts a valid manifest", async () => {
    const { lines, out } = capture();
    const p = await file(JSON.stringify({ id: "acme", name: "Acme", version: "0.2.0", author: "A", description: "d" }));
    expect(await main(["validate", p], out)).toBe(0);
    expect(lines).toEqual(["✓ acme@0.2.0: 0 action(s), 0 trigger(s), 0 connection(s)"]);
  });

  it("lists the problems of an invalid manifest and exits 1", async () => {
    const { lines, out } = capture();
    const p = await file(JSON.stringify({ id: "acme", name: "Acme", version: "two", author: "A" }));
    expect(await main(["validate", p], out)).toBe(1);
    expect(lines.join("\n")).toMatch(/version: must be a semantic version[\s\S]*description:/);
  });

  it("says when the file is not JSON", async () => {
    const { lines, out } = capture();
    expect(await main(["validate", await file("{nope")], out)).toBe(1);
    expect(lines[0]).toMatch(/not valid JSON/);
  });

  it("rejects an unknown command with exit 2", async () => {
    const { lines, out } = capture();
    expect(await main(["deploy"], out)).toBe(2);
    expect(lines[0]).toBe('ERR Unknown command "deploy". Run junction --help for the list.');
  });
});
