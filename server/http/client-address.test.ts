import { describe, expect, it } from "vitest";
import { clientAddressOf, sourceKeyOf } from "./client-address";

describe("the source a failed verification or sign-in is counted against", () => {
  it("an IPv6 sender rotating through its /64 is one source; IPv4 addresses are their own", () => {
    expect(sourceKeyOf("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(sourceKeyOf("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(sourceKeyOf("2001:db8::9")).toBe("2001:db8:0:0::/64");
    expect(sourceKeyOf("::1")).toBe("0:0:0:0::/64");
    expect(sourceKeyOf("203.0.113.7")).toBe("203.0.113.7");
    expect(sourceKeyOf(null)).toBe("unknown");
  });

  it("reads the first X-Forwarded-For entry the edge wrote, or null", () => {
    const req = (xff?: string) => new Request("http://h/api/hooks/x", { headers: xff ? { "x-forwarded-for": xff } : {} });
    expect(clientAddressOf(req("198.51.100.9, 10.0.0.1"))).toBe("198.51.100.9");
    expect(clientAddressOf(req())).toBeNull();
  });
});
