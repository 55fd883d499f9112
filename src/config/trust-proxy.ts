import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's named ranges, which Fastify accepts in its `trustProxy` list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What Fastify's `trustProxy` gets: false (the socket address is the client) or the proxies' addresses. */
export type TrustProxy = false | string[];

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address);
  if (!version || extra !== undefined) return false;
  if (bits === undefined) return true;
  // A mask such as 255.255.255.0 is accepted by proxy-addr too; a prefix length must fit the family.
  if (isIP(bits) === version) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which peers may tell the client's address in X-Forwarded-For. Unset, empty or
 * `false`: none, so a client cannot pick its own address (and reset the per-address login
 * throttle). Otherwise a comma-separated list of the proxies' addresses and CIDRs (or loopback,
 * linklocal, uniquelocal). `true` (trust every peer) is refused: that is exactly the forgeable
 * setting; so is a hop count, which Fastify 5 turns into "trust nothing" (it cannot check the peer).
 */
export const trustProxySetting = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const value = raw?.trim() ?? '';
    if (value === '' || value === 'false') return false;
    if (/^\d+$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'a hop count is not supported (Fastify would trust no proxy); name the proxies (addresses/CIDRs)' });
      return z.NEVER;
    }
    if (value === 'true') {
      ctx.addIssue({ code: 'custom', message: 'true would trust any client; name the proxies (addresses/CIDRs)' });
      return z.NEVER;
    }
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isAddressOrCidr(e));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR: ${bad.map((b) => JSON.stringify(b)).join(', ')}` });
      return z.NEVER;
    }
    return entries;
  });
