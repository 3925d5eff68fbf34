// Which addresses the blog client may connect to. The expected answers come from the IANA special-purpose
// registries (RFC 6890 and its updates), written out here by hand, not derived from the code under test.
import { describe, expect, it } from 'vitest';
import { isAllowedHost, isPublicAddress } from '../../../src/blog/http/address-policy.js';

describe('addresses a blog may not point the bot at', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'IPv6 unique-local'],
    ['fd12:3456::1', 'IPv6 unique-local'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form (how URLs normalise it)'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ])('%s is refused (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '192.0.78.9', '2606:4700::6810:84e5', '::ffff:93.184.216.34'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses anything that is not an IP address at all', () => {
    expect(isPublicAddress('localhost')).toBe(false);
  });
});

describe('hosts the operator allows (BLOG_ALLOWED_HOSTS)', () => {
  it('matches host names case-insensitively, ignoring a trailing dot and IPv6 brackets', () => {
    const allowed = ['Blog.Campus.Example', '127.0.0.1', '[::1]'];
    expect(isAllowedHost('blog.campus.example.', allowed)).toBe(true);
    expect(isAllowedHost('127.0.0.1', allowed)).toBe(true);
    expect(isAllowedHost('[::1]', allowed)).toBe(true);
    expect(isAllowedHost('::1', allowed)).toBe(true);
    expect(isAllowedHost('evil.campus.example', allowed)).toBe(false);
    expect(isAllowedHost('127.0.0.2', allowed)).toBe(false);
  });
});
