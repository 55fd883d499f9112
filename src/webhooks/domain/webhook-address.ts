import ipaddr from 'ipaddr.js';

/**
 * Whether a webhook may be delivered to this IP address: only ordinary public unicast. Everything
 * else is refused — private (RFC 1918, IPv6 unique-local), loopback, link-local (cloud metadata at
 * 169.254.169.254), unspecified (0.0.0.0 reaches the host itself), carrier-grade NAT, multicast,
 * broadcast, reserved/documentation ranges, and the IPv6 forms that embed an IPv4 address
 * (mapped `::ffff:a.b.c.d` is judged as the IPv4 it carries; 6to4, Teredo and NAT64 are refused,
 * since the IPv4 inside could be private). An unparsable address is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** A host name written as an IP literal (`203.0.113.7`, `[2001:db8::1]`), without brackets; else null. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
