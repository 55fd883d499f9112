import { AppConfig, InvalidConfigError } from './app-config';

describe('AppConfig', () => {
  it('starts in development with nothing set (embedded default)', () => {
    const config = AppConfig.load({});
    expect(config.env.PORT).toBe(3000);
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.env.TRUST_PROXY).toBe(false);
    expect(config.env.METRICS_TOKEN).toBeUndefined();
  });

  it('reads empty TRUST_PROXY and METRICS_TOKEN (docker compose passes unset ones as empty) as unset', () => {
    const config = AppConfig.load({ TRUST_PROXY: '', METRICS_TOKEN: '' });
    expect(config.env.TRUST_PROXY).toBe(false);
    expect(config.env.METRICS_TOKEN).toBeUndefined();
    expect(() => AppConfig.load({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16/);
  });

  it('refuses production without JWT_SECRET, MONGODB_URI, REDIS_URL, SMTP_URL, PUBLIC_URL and WEBHOOK_SECRETS_KEY, naming each', () => {
    expect(() => AppConfig.load({ NODE_ENV: 'production' })).toThrow(InvalidConfigError);
    try {
      AppConfig.load({ NODE_ENV: 'production', REDIS_URL: 'redis://r:6379' });
    } catch (e) {
      expect((e as Error).message).toContain('JWT_SECRET');
      expect((e as Error).message).toContain('MONGODB_URI');
      expect((e as Error).message).toContain('SMTP_URL');
      expect((e as Error).message).toContain('PUBLIC_URL');
      expect((e as Error).message).toContain('WEBHOOK_SECRETS_KEY: is required when NODE_ENV=production');
      expect((e as Error).message).not.toContain('REDIS_URL');
    }
  });

  it('names a malformed setting', () => {
    expect(() => AppConfig.load({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => AppConfig.load({ MONGODB_URI: 'postgres://x' })).toThrow(/MONGODB_URI: must be a mongodb/);
    expect(() => AppConfig.load({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 32/);
  });

  it('accepts a complete production configuration', () => {
    const config = AppConfig.load({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MONGODB_URI: 'mongodb://mongo:27017/cce?replicaSet=rs0',
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://exchange.example.org/',
      WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
      RUN_WORKERS: 'false',
    });
    expect(config.isProduction).toBe(true);
    expect(config.env.RUN_WORKERS).toBe(false);
    expect(config.seedOnStart).toBe(false);
    expect(config.publicUrl).toBe('https://exchange.example.org');
  });
});
