import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses remote mail content may be fetched from. A mail's image URL is written by
 * its sender; fetched from this computer it would reach whatever this computer reaches — the
 * router's admin page, a printer, a NAS, a cloud metadata service (169.254.169.254), the local
 * web host itself. So only public unicast addresses are allowed, by default.
 *
 * The policy is passed to the mail service (hosts and tests choose; the service reads no
 * environment), and asked about every address a connection would use: each resolved address
 * and each IP-literal host, at every redirect.
 */
export interface RemoteAddressPolicy {
  /** True when a connection to this IP address (v4 or v6, textual) may be opened. */
  allows(address: string): boolean;
}

const NOT_PUBLIC = new BlockList();
// IPv4 special-purpose ranges (IANA registry, RFC 6890 and successors) that are not the internet.
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback (::1) and the deprecated IPv4-compatible form
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: reaches an IPv4 address we cannot vet
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  let canonical: string;
  try {
    // The URL parser canonicalizes (lower case, dotted tail as hex) and rejects zone ids.
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head = '', tail] = canonical.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * The IPv4 address inside an IPv6 one that is only a way of writing it: IPv4-mapped
 * (::ffff:a.b.c.d, which the socket layer turns into an IPv4 connection) and NAT64
 * (64:ff9b::a.b.c.d, which a NAT64 gateway forwards to it).
 */
function embeddedIpv4(groups: readonly number[]): string | null {
  const prefixIs = (...head: number[]) => head.every((g, i) => groups[i] === g);
  if (!prefixIs(0, 0, 0, 0, 0, 0xffff) && !prefixIs(0x64, 0xff9b, 0, 0, 0, 0)) return null;
  const [hi = 0, lo = 0] = groups.slice(6);
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

/** Whether an address is public unicast: not loopback, private, link-local, CGNAT, multicast, reserved… in v4 or v6. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const v4 = embeddedIpv4(groups);
  if (v4 !== null) return isPublicAddress(v4);
  const hex = groups.map((g) => g.toString(16)).join(':');
  return !NOT_PUBLIC.check(hex, 'ipv6');
}

/** The default: public unicast addresses only. */
export const publicAddressesOnly: RemoteAddressPolicy = { allows: isPublicAddress };

/**
 * Public addresses plus exactly these (tests: a loopback address such as 127.0.0.2 where a
 * test server listens, while 127.0.0.1 and everything else local stays refused).
 */
export function publicAddressesAnd(extra: readonly string[]): RemoteAddressPolicy {
  const exceptions = new Set(extra);
  return { allows: (address) => exceptions.has(address) || isPublicAddress(address) };
}
