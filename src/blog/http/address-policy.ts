import { BlockList, isIP } from 'node:net';

// Which addresses the blog client may connect to. A course's blog URL is typed by staff, and a blog can
// redirect anywhere: without this, /course setup is a way to make the bot fetch the cloud metadata
// service, the database admin page or anything else on the bot's own network (SSRF).
// Ranges: the IANA IPv4 and IPv6 special-purpose registries (RFC 6890 and updates).

const refused = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network", incl. the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
] as const)
  refused.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  refused.addSubnet(net, bits, 'ipv6');

/** The IPv4 address embedded in an IPv4-mapped (::ffff:a.b.c.d, any spelling) IPv6 address, else null. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(?:0+:)?(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** True only for an IP address on the public internet; names and non-addresses are false. */
export function isPublicAddress(address: string): boolean {
  const ip = stripBrackets(address);
  const family = isIP(ip);
  if (family === 4) return !refused.check(ip, 'ipv4');
  if (family !== 6) return false;
  // Checked as the IPv4 address it really reaches, whatever BlockList's own handling of mapped forms.
  const v4 = mappedIpv4(ip);
  if (v4) return isPublicAddress(v4);
  return !refused.check(ip, 'ipv6');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Host names compare case-insensitively, without a trailing dot or IPv6 brackets. */
export function normalizeHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
}

/** True when the operator listed this host (BLOG_ALLOWED_HOSTS): an on-campus blog on a private network. */
export function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  const h = normalizeHost(host);
  return allowedHosts.some((a) => normalizeHost(a) === h);
}
