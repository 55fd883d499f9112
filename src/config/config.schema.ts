import { z } from 'zod';
import { trustProxySetting } from './trust-proxy';

// A 256-bit key as `openssl rand -base64 32` prints it: 44 characters, one `=` of padding.
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of 32 bytes (openssl rand -base64 32)');

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting of the platform, read from the environment. Unset MONGODB_URI / REDIS_URL select
 * the embedded default (in-process MongoDB server, `redis-server` child) — refused in production.
 * The README's settings table mirrors this schema.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    // A Redis Cluster instead of one Redis: comma-separated host:port seeds (any few masters; the rest is discovered).
    REDIS_CLUSTER_NODES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/, 'must be comma-separated host:port pairs, e.g. redis-1:6379,redis-2:6379')
        .transform((v) => v.split(',').map((seed) => seed.trim()))
        .optional(),
    ),
    // How API instances pass live updates to each other: classic Redis pub/sub, or sharded pub/sub (Redis 7+), which spreads rooms over a cluster's shards.
    LIVE_ADAPTER: z.enum(['classic', 'sharded']).default('classic'),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[\w:.-]+$/)
      .default('cce'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(3600),
    ADMIN_EMAIL: z.email().default('admin@creative-cities.local'),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    PASSWORD_HASH_MEMORY_KIB: z.coerce.number().int().min(1024).max(4_194_304).default(19_456),
    LOGIN_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(10),
    LOGIN_THROTTLE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
    // Failed logins per account (normalised e-mail) in a window; past the limit each attempt waits a doubling, capped delay.
    LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(5),
    LOGIN_ACCOUNT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    LOGIN_ACCOUNT_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(900).default(300),
    TRUST_PROXY: trustProxySetting,
    // Empty is unset, so docker-compose can pass `${METRICS_TOKEN:-}` through.
    METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'must be at least 16 characters').optional()),
    RUN_WORKERS: bool.default(true),
    SEED_ON_START: bool.optional(),
    SEED_DEMO: bool.default(false),
    // The embedded default's data (MongoDB journal and snapshot, Redis AOF); EMBEDDED_IN_MEMORY=true (or --in-memory) keeps nothing.
    EMBEDDED_DATA_DIR: z.string().min(1).default('data'),
    EMBEDDED_IN_MEMORY: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.default(false),
    CORS_ORIGIN: z.string().default('*'),
    CONSUMER_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
    CONSUMER_LEASE_MS: z.coerce.number().int().min(500).default(10_000),
    // How often one city may invite another in any 24 h (docs/decisions.md, "Projects").
    INVITATION_LIMIT_PER_PAIR: z.coerce.number().int().min(1).default(20),
    IDEMPOTENCY_PENDING_LEASE_MS: z.coerce.number().int().min(500).default(10_000),
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    CONSUMER_STUCK_AFTER_MS: z.coerce.number().int().min(1000).default(60_000),
    JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    // Outgoing mail (SPEC §3): without SMTP_URL the embedded default keeps mails in the development mailbox (GET /admin/mailbox).
    SMTP_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
        .optional(),
    ),
    MAIL_FROM: z.string().min(3).default('Creative Cities Exchange <no-reply@creative-cities.local>'),
    // First retry delay of a mail the SMTP server refused; doubles up to 10 minutes, for about a day.
    MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    // Webhook targets on private, loopback or link-local addresses are refused unless the operator allows them.
    WEBHOOK_ALLOW_PRIVATE: bool.default(false),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    // AES-256-GCM key of the webhook signing secrets at rest; unset (not in production) one is derived from the JWT secret.
    WEBHOOK_SECRETS_KEY: z.preprocess((v) => (v === '' ? undefined : v), base64Key.optional()),
    // Former WEBHOOK_SECRETS_KEYs, comma-separated: secrets still under one are read, and re-encrypted at start-up.
    WEBHOOK_SECRETS_PREVIOUS_KEYS: z.preprocess(
      (v) => (v === '' ? undefined : typeof v === 'string' ? v.split(',').map((k) => k.trim()) : v),
      z.array(base64Key).optional(),
    ),
    NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .superRefine((c, ctx) => {
    // Both would leave it unclear which Redis holds the queues: one instance on each would never see the other's jobs.
    if (c.REDIS_URL && c.REDIS_CLUSTER_NODES) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_CLUSTER_NODES'],
        message: 'set either REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a cluster), not both',
      });
    }
    if (c.NODE_ENV !== 'production') return;
    // A development mailbox in production would keep invitations and resets from ever reaching anyone;
    // a webhook secrets key derived from the JWT secret would change with it, and break every webhook.
    for (const key of ['JWT_SECRET', 'MONGODB_URI', 'SMTP_URL', 'PUBLIC_URL', 'WEBHOOK_SECRETS_KEY'] as const) {
      if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
    if (!c.REDIS_URL && !c.REDIS_CLUSTER_NODES) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is required when NODE_ENV=production (or REDIS_CLUSTER_NODES for a cluster)' });
    }
  });

export type Env = z.infer<typeof configSchema>;
