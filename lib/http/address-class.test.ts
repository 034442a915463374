import { describe, expect, it } from "vitest";
import { classifyAddress } from "./address-class";

/** The host as the URL parser leaves it, which is what the guarded fetch classifies. */
const hostOf = (url: string) => new URL(url).hostname;

describe("classifyAddress", () => {
  it("classifies IPv4 networks", () => {
    const cases: Array<[string, string]> = [
      ["127.0.0.1", "loopback"],
      ["127.0.0.2", "loopback"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.20", "private"],
      ["100.64.0.1", "private"],
      ["169.254.169.254", "link-local"],
      ["0.0.0.0", "unspecified"],
      ["224.0.0.1", "multicast"],
      ["255.255.255.255", "broadcast"],
      ["240.0.0.1", "reserved"],
      ["8.8.8.8", "public"],
      ["172.32.0.1", "public"],
      ["100.128.0.1", "public"],
    ];
    for (const [address, cls] of cases) expect(classifyAddress(address), address).toBe(cls);
  });

  it("classifies IPv6 networks, judging embedded IPv4 addresses by the IPv4 address", () => {
    const cases: Array<[string, string]> = [
      ["::1", "loopback"],
      ["::", "unspecified"],
      ["fd00::1", "unique-local"],
      ["fc12:3456::1", "unique-local"],
      ["fe80::1%eth0", "link-local"],
      ["ff02::1", "multicast"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["0:0:0:0:0:ffff:a00:1", "private"],
      ["::127.0.0.1", "loopback"],
      ["64:ff9b::a9fe:a9fe", "link-local"],
      ["2002:c0a8:0101::1", "private"],
      ["::ffff:8.8.8.8", "public"],
      ["2606:4700::1111", "public"],
    ];
    for (const [address, cls] of cases) expect(classifyAddress(address), address).toBe(cls);
  });

  it("sees through decimal, octal, hex and bracketed spellings once the URL parser has read them", () => {
    const loopbacks = [
      "http://2130706433/",
      "http://0x7f.1/",
      "http://0x7f000001/",
      "http://017700000001/",
      "http://0177.0.0.1/",
      "http://127.1/",
      "http://127.0.0.1./",
      "http://[::ffff:127.0.0.1]/",
      "http://[0:0:0:0:0:ffff:7f00:1]/",
      "http://[::1]/",
    ];
    for (const url of loopbacks) expect(classifyAddress(hostOf(url)), url).toBe("loopback");
    expect(classifyAddress(hostOf("http://0.0.0.0/"))).toBe("unspecified");
    expect(classifyAddress(hostOf("http://0/"))).toBe("unspecified");
    expect(classifyAddress(hostOf("http://[::]/"))).toBe("unspecified");
  });

  it("treats anything that is not an IP address as never fetchable", () => {
    expect(classifyAddress("example.com")).toBe("reserved");
    expect(classifyAddress("")).toBe("reserved");
  });
});
