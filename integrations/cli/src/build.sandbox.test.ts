import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSandboxHost, SandboxGuestError } from "../../runtime";
import { buildPackage } from "./build";

// Every entry kind toSandboxEntry registers, run from a built bundle through the real sandbox host.
const built = await buildPackage(path.join(import.meta.dirname, "..", "test-fixtures", "tiny"), { outDir: await mkdtemp(path.join(tmpdir(), "junction-build-")) });
const host = createSandboxHost({ processes: 1 });
afterAll(() => host.close());

const run = (actionKey: string, input: unknown, connection?: Record<string, unknown>) =>
  host.execute({
    bundle: built.bundle, bundleHash: built.sha256, integrationId: "tiny", actionKey, input, connection,
    permissions: { network: [] }, run: { runId: "r", stepId: "s", attempt: 1, idempotencyKey: "r:s" },
  });

describe("a built bundle in the sandbox", () => {
  it("runs an action and refuses invalid input, naming the field", async () => {
    expect((await run("shout", { text: "hey" })).output).toEqual({ text: "HEY" });
    const error = await run("shout", { text: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxGuestError);
    expect(error).toMatchObject({ guestName: "InputValidationError", message: 'Invalid input for shout: field "text": Invalid input: expected string, received number' });
  });

  it("loads dynamic options with dependent fields and search", async () => {
    expect((await run("shout:options:voice", { input: { language: "en" }, search: "louder" })).output).toEqual([{ label: "louder (en)", value: "louder" }]);
  });

  it("tests a connection and polls a trigger with a cursor", async () => {
    expect((await run("connection:account:test", {}, { apiKey: "tk_1" })).output).toEqual({ ok: true });
    await expect(run("connection:account:test", {}, { apiKey: "nope" })).rejects.toMatchObject({ message: "Tiny keys start with tk_" });
    expect((await run("trigger:counter:poll", { cursor: 4 })).output).toEqual({ cursor: 6, items: [{ dedupeKey: "5", data: { n: 5 } }, { dedupeKey: "6", data: { n: 6 } }] });
  });
});
