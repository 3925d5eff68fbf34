import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isAllowedHost, isPublicAddress } from './address-policy.js';
import { BlogGuardError } from './guard-errors.js';

type Callback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Resolve = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export function blockedAddress(host: string): BlogGuardError {
  return new BlogGuardError('blocked_address', `${host} is a private or local network address, which blogs may not use`);
}

/**
 * The DNS lookup the socket connects with: it resolves the name, drops every address that is not public
 * (unless the operator allowed this host), and the socket connects to one of the addresses left. Checking
 * the address actually connected to defeats names that resolve, or later re-resolve, to internal ones.
 */
export function guardedLookup(allowedHosts: readonly string[], resolve: Resolve = dnsLookup) {
  return (hostname: string, options: LookupOptions, callback: Callback): void => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const usable = isAllowedHost(hostname, allowedHosts) ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      const first = usable[0];
      if (!first) return callback(blockedAddress(hostname), []);
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}
