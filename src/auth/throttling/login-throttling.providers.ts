import type { Provider } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../../infra/redis/redis-connections';
import { AccountLoginLimiter } from './account-login-limiter';
import { RedisThrottlerStorage } from './redis-throttler-storage';

/** The first hold of an account under attack; it doubles with each further failure up to the cap. */
const BASE_DELAY_MS = 5_000;
/** An address that signed in to an account stays exempt from that account's holds this long. */
const KNOWN_ADDRESS_MS = 30 * 24 * 3600 * 1000;

/** Login attempts per client address (LOGIN_THROTTLE_*), counted in Redis across instances. */
export const loginThrottlerModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig, RedisConnections],
  useFactory: (config: AppConfig, redis: RedisConnections) => ({
    throttlers: [{ name: 'login', ttl: config.env.LOGIN_THROTTLE_TTL_SECONDS * 1000, limit: config.env.LOGIN_THROTTLE_LIMIT }],
    storage: new RedisThrottlerStorage(redis.create('login-throttle'), redis.prefix),
  }),
});

/** Failed logins per account (LOGIN_ACCOUNT_*), counted in Redis across instances. */
export const accountLoginLimiterProvider: Provider = {
  provide: AccountLoginLimiter,
  inject: [AppConfig, RedisConnections],
  useFactory: (config: AppConfig, redis: RedisConnections) =>
    new AccountLoginLimiter(redis.create('login-accounts'), redis.prefix, {
      limit: config.env.LOGIN_ACCOUNT_LIMIT,
      windowMs: config.env.LOGIN_ACCOUNT_WINDOW_SECONDS * 1000,
      baseDelayMs: Math.min(BASE_DELAY_MS, config.env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000),
      maxDelayMs: config.env.LOGIN_ACCOUNT_MAX_DELAY_SECONDS * 1000,
      knownAddressMs: KNOWN_ADDRESS_MS,
    }),
};
