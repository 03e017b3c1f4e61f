import { describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy";

const refused = (address: string, allowLoopback = false) => {
  const verdict = checkAddress(address, allowLoopback);
  return verdict.allowed ? null : verdict.label;
};

describe("checkAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0.0.0.0", "unspecified (this network)"],
    ["::", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["::ffff:192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.255", "carrier-grade NAT"],
    ["169.254.169.254", "cloud metadata"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fc00::1", "unique-local (private)"],
    ["fd12:3456::1", "unique-local (private)"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.1", "documentation"],
    ["2001:db8::1", "documentation"],
    ["2001::1", "IETF protocol assignments"],
    ["64:ff9b::7f00:1", "NAT64 address carrying loopback 127.0.0.1"],
    ["64:ff9b::10.0.0.1", "NAT64 address carrying private 10.0.0.1"],
    ["2002:7f00:1::", "6to4 address carrying loopback 127.0.0.1"],
    ["::127.0.0.1", "IPv4-compatible (deprecated)"],
    ["fe80::1%eth0", "not an IP address"],
    ["localhost", "not an IP address"],
    ["127.1", "not an IP address"],
  ])("refuses %s (%s)", (address, label) => {
    expect(refused(address)).toBe(label);
  });

  it.each(["8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"])(
    "allows the public address %s",
    (address) => {
      expect(refused(address)).toBeNull();
    },
  );

  it("admits loopback, and only loopback, when tests ask for it", () => {
    expect(refused("127.0.0.1", true)).toBeNull();
    expect(refused("::1", true)).toBeNull();
    expect(refused("::ffff:127.0.0.1", true)).toBeNull();
    expect(refused("10.0.0.1", true)).toBe("private");
    expect(refused("169.254.169.254", true)).toBe("cloud metadata");
  });
});
