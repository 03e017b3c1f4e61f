import { afterAll, describe, expect, it } from "vitest";
import { createSandboxHost } from "./host";
import { bundleOf } from "./testing/bundles";
import { requestFor } from "./testing/harness";
import type { Capabilities } from "./types";

// ctx.secrets and ctx.crypto across the real process boundary: the guest gets strings back, the host gets
// checked names and bytes, and refusals reach the guest as catchable errors with a message for the author.
const host = createSandboxHost({ processes: 1 });
afterAll(() => host.close());

const kit = bundleOf({
  use: `async (ctx) => ({
    secret: await ctx.secrets.getOrCreate("hook"),
    sigText: await ctx.crypto.sign("k", "héllo"),
    sigBytes: await ctx.crypto.sign("k", new Uint8Array([1, 2, 255])),
    pub: await ctx.crypto.publicKey("k"),
  })`,
  refusals: `async (ctx) => {
    const out = {};
    const attempt = async (name, fn) => { try { await fn(); out[name] = "ok"; } catch (e) { out[name] = e.message; } };
    await attempt("badName", () => ctx.secrets.getOrCreate("../etc"));
    await attempt("tooBig", () => ctx.crypto.sign("k", "x".repeat(1024 * 1024 + 1)));
    await attempt("missingCrypto", () => ctx.crypto.publicKey("k"));
    return out;
  }`,
});

describe("ctx.secrets and ctx.crypto", () => {
  it("reach the host's implementations with the names and bytes the guest gave", async () => {
    const seen: unknown[] = [];
    const capabilities: Capabilities = {
      secrets: { getOrCreate: (name) => (seen.push(["secret", name]), `s-${name}`) },
      crypto: {
        sign: (key, bytes) => (seen.push(["sign", key, Buffer.from(bytes).toString("hex")]), `sig-${bytes.length}`),
        publicKey: (key) => `pub-${key}`,
      },
    };
    const { output } = await host.execute(requestFor(kit, "use", { capabilities }));
    expect(output).toEqual({ secret: "s-hook", sigText: "sig-6", sigBytes: "sig-3", pub: "pub-k" });
    expect(seen).toEqual([["secret", "hook"], ["sign", "k", Buffer.from("héllo").toString("hex")], ["sign", "k", "0102ff"]]);
  });

  it("refuse bad names, oversized data and undeclared capabilities with messages the guest can catch", async () => {
    const { output } = await host.execute(requestFor(kit, "refusals", { capabilities: { secrets: { getOrCreate: () => "never" } } }));
    expect(output).toEqual({
      badName: "Secret and key names are 1 to 100 characters: letters, digits, _ . -",
      tooBig: 'ctx.crypto is not available to this action (declare the "crypto.sign" capability).',
      missingCrypto: 'ctx.crypto is not available to this action (declare the "crypto.sign" capability).',
    });
    const withCrypto = await host.execute(
      requestFor(kit, "refusals", { capabilities: { secrets: { getOrCreate: () => "x" }, crypto: { sign: () => "s", publicKey: () => "p" } } }),
    );
    expect(withCrypto.output).toMatchObject({ tooBig: "ctx.crypto.sign signs at most 1048576 bytes.", missingCrypto: "ok" });
  });
});
