import { describe, expect, it } from "vitest";
import { isHostPermitted } from "./host-permission";

describe("isHostPermitted", () => {
  it("matches exact hosts, case and trailing dot aside", () => {
    expect(isHostPermitted("api.github.com", ["api.github.com"])).toBe(true);
    expect(isHostPermitted("api.github.com.", ["API.GitHub.com"])).toBe(true);
    expect(isHostPermitted("github.com", ["api.github.com"])).toBe(false);
    expect(isHostPermitted("api.github.com.evil.com", ["api.github.com"])).toBe(false);
  });

  it("matches *.example.com against subdomains at any depth but not the apex or look-alikes", () => {
    const permitted = ["*.example.com"];
    expect(isHostPermitted("a.example.com", permitted)).toBe(true);
    expect(isHostPermitted("a.b.example.com", permitted)).toBe(true);
    expect(isHostPermitted("example.com", permitted)).toBe(false);
    expect(isHostPermitted("badexample.com", permitted)).toBe(false);
    expect(isHostPermitted("example.com.evil.net", permitted)).toBe(false);
  });

  it("matches IP literals only when declared literally", () => {
    expect(isHostPermitted("203.0.113.7", ["203.0.113.7"])).toBe(true);
    expect(isHostPermitted("[2001:db8::1]", ["[2001:db8::1]"])).toBe(true);
    expect(isHostPermitted("[2001:db8::1]", ["2001:db8::1"])).toBe(true);
    expect(isHostPermitted("203.0.113.7", ["*.example.com"])).toBe(false);
  });

  it("treats * as any host and an empty list as none", () => {
    expect(isHostPermitted("anything.test", ["*"])).toBe(true);
    expect(isHostPermitted("anything.test", [])).toBe(false);
    expect(isHostPermitted("anything.test", ["", "*."])).toBe(false);
  });
});
