import { createHash } from 'node:crypto';
import { LoginThrottledException } from './login-throttled.exception';
import type { RedisClient } from '../../infra/redis/redis-connections';

/**
 * Atomically: refuse while the account is held (answer the ms left), else count this attempt and,
 * at the limit, hold the account for base × 2^(count − limit) ms, capped. KEYS: count, hold.
 * ARGV: window ms, limit, base ms, cap ms. The count forgets after `window` without an attempt.
 */
const BEGIN = `
local held = redis.call('PTTL', KEYS[2])
if held > 0 then return held end
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local limit = tonumber(ARGV[2])
if n >= limit then
  local delay = math.min(tonumber(ARGV[3]) * 2 ^ (n - limit), tonumber(ARGV[4]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
end
return 0
`;

export interface AccountLimits {
  /** Attempts without a success before the account is held. */
  limit: number;
  windowMs: number;
  /** The first hold; each further counted failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long an address that signed in to the account stays exempt from its holds. */
  knownAddressMs: number;
}

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * Failed sign-ins per account (the normalised e-mail, known or not: the answer never tells whether
 * it exists), counted in Redis so every instance shares them. An attempt is counted when it starts
 * (so parallel guesses cannot all slip in before the first failure is recorded) and a success
 * clears the count. Attempts refused while the account is held are not counted, so hammering does
 * not lengthen the hold; the hold never exceeds the cap. An address that signed in to the account
 * before is exempt (the per-address throttle still applies): an attacker cannot keep the owner out.
 */
export class AccountLoginLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly limits: AccountLimits,
  ) {}

  /** Throws LoginThrottledException while the account is held for this address. */
  async begin(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    if ((await this.redis.exists(keys.known)) === 1) return;
    const { windowMs, limit, baseDelayMs, maxDelayMs } = this.limits;
    const heldMs = Number(await this.redis.eval(BEGIN, 2, keys.count, keys.hold, windowMs, limit, baseDelayMs, maxDelayMs));
    if (heldMs > 0) throw new LoginThrottledException(Math.ceil(heldMs / 1000));
  }

  /** The right password: the account's count and hold end, and this address becomes known. */
  async succeeded(email: string, address: string): Promise<void> {
    const keys = this.keys(email, address);
    await this.redis.multi().del(keys.count, keys.hold).set(keys.known, '1', 'PX', this.limits.knownAddressMs).exec();
  }

  /** Hashed, so Redis holds no e-mail address or IP in clear; the braces keep one account's keys on one cluster slot. */
  private keys(email: string, address: string) {
    const account = `${this.prefix}:login-account:{${hash(normaliseEmail(email))}}`;
    return { count: `${account}:failures`, hold: `${account}:hold`, known: `${account}:known:${hash(address)}` };
  }
}

/** The account an e-mail names, as the users collection stores it (lower case). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
