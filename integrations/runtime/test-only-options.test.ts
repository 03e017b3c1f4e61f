import { afterEach, describe, expect, it } from "vitest";
import { SandboxConfigError } from "./errors";
import { createSandboxHost } from "./host";

const env = process.env as Record<string, string | undefined>;
const original = env.NODE_ENV;
afterEach(() => {
  env.NODE_ENV = original;
});

describe("test-only sandbox options", () => {
  it("refuse to build a host outside NODE_ENV=test: loopback access or made-up DNS would undo the fetch guard", async () => {
    for (const mode of ["production", "development", undefined]) {
      env.NODE_ENV = mode;
      expect(() => createSandboxHost({ allowLoopbackForTests: true })).toThrow(SandboxConfigError);
      expect(() => createSandboxHost({ resolver: async () => [{ address: "127.0.0.1", family: 4 }] })).toThrow(/need NODE_ENV=test/);
    }
    env.NODE_ENV = "test";
    const host = createSandboxHost({ allowLoopbackForTests: true, processes: 1 });
    await host.close();
  });
});
