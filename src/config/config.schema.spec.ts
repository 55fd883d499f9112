import { AppConfig } from './app-config';

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  MONGODB_URI: 'mongodb://mongo:27017/cce?replicaSet=rs0',
  SMTP_URL: 'smtp://mail:25',
  PUBLIC_URL: 'https://exchange.example.org',
  WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('Redis settings', () => {
  it('defaults to one Redis and the classic live adapter', () => {
    const { env } = AppConfig.load({});
    expect(env.REDIS_CLUSTER_NODES).toBeUndefined();
    expect(env.LIVE_ADAPTER).toBe('classic');
  });

  it('reads REDIS_CLUSTER_NODES as a list of host:port seeds, empty as unset', () => {
    expect(AppConfig.load({ REDIS_CLUSTER_NODES: 'redis-1:6379, 10.0.0.2:7001' }).env.REDIS_CLUSTER_NODES).toEqual(['redis-1:6379', '10.0.0.2:7001']);
    expect(AppConfig.load({ REDIS_CLUSTER_NODES: '' }).env.REDIS_CLUSTER_NODES).toBeUndefined();
    for (const bad of ['redis-1', 'redis://redis-1:6379', 'redis-1:6379,', 'redis-1:port']) {
      expect(() => AppConfig.load({ REDIS_CLUSTER_NODES: bad })).toThrow(/REDIS_CLUSTER_NODES: must be comma-separated host:port pairs/);
    }
  });

  it('refuses REDIS_URL and REDIS_CLUSTER_NODES together', () => {
    expect(() => AppConfig.load({ REDIS_URL: 'redis://r:6379', REDIS_CLUSTER_NODES: 'r1:7000' })).toThrow(
      /REDIS_CLUSTER_NODES: set either REDIS_URL \(one Redis\) or REDIS_CLUSTER_NODES \(a cluster\), not both/,
    );
  });

  it('takes a cluster instead of REDIS_URL in production, and asks for one of them', () => {
    expect(AppConfig.load({ ...production, REDIS_CLUSTER_NODES: 'r1:7000,r2:7000' }).isProduction).toBe(true);
    expect(() => AppConfig.load(production)).toThrow(/REDIS_URL: is required when NODE_ENV=production \(or REDIS_CLUSTER_NODES for a cluster\)/);
  });

  it('knows only the classic and sharded live adapters', () => {
    expect(AppConfig.load({ LIVE_ADAPTER: 'sharded' }).env.LIVE_ADAPTER).toBe('sharded');
    expect(() => AppConfig.load({ LIVE_ADAPTER: 'streams' })).toThrow(/LIVE_ADAPTER/);
  });
});
