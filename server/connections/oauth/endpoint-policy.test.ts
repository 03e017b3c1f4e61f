import { afterEach, describe, expect, it } from "vitest";
import { tokenEndpointProblem } from "./endpoint-policy";
import { tokenRequest } from "./token";

const env = process.env as Record<string, string | undefined>;
const original = env.NODE_ENV;
afterEach(() => {
  env.NODE_ENV = original;
});

describe("token endpoint address policy", () => {
  it("refuses private, link-local, metadata and (outside tests) loopback token endpoints, naming why", async () => {
    expect(await tokenEndpointProblem("http://10.1.2.3/token")).toMatch(/^Refused the token endpoint 10\.1\.2\.3: private/);
    expect(await tokenEndpointProblem("http://169.254.169.254/latest")).toMatch(/metadata|link-local/);
    expect(await tokenEndpointProblem("http://[::ffff:192.168.0.1]/token")).toMatch(/^Refused the token endpoint/);
    expect(await tokenEndpointProblem("ftp://example.com/token")).toBe("The token endpoint must be an http(s) URL.");
    expect(await tokenEndpointProblem("http://127.0.0.1:9/token")).toBeNull(); // NODE_ENV=test: the loopback provider
    env.NODE_ENV = "production";
    expect(await tokenEndpointProblem("http://127.0.0.1:9/token")).toMatch(/^Refused the token endpoint 127\.0\.0\.1:9: loopback/);
  });

  it("stops a token request before any connection is made", async () => {
    const cfg = { authorizeUrl: "http://10.0.0.1/auth", tokenUrl: "http://10.0.0.1/token", clientId: "c", scopes: [], clientAuth: "post" as const };
    await expect(tokenRequest(cfg, "secret", { grant_type: "refresh_token", refresh_token: "r" })).rejects.toThrow(/Refused the token endpoint 10\.0\.0\.1: private/);
  });
});
