import { NotFoundException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MetricsTokenGuard } from './metrics-token.guard';

const TOKEN = 'a-metrics-token-of-some-length';
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  MONGODB_URI: 'mongodb://m/cce',
  REDIS_URL: 'redis://r',
  SMTP_URL: 'smtp://m',
  PUBLIC_URL: 'https://x.example',
  WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function context(authorization?: string) {
  const headers: Record<string, string> = {};
  const http = {
    getRequest: () => ({ headers: authorization === undefined ? {} : { authorization } }),
    getResponse: () => ({ header: (name: string, value: string) => (headers[name] = value) }),
  };
  return { ctx: { switchToHttp: () => http } as unknown as ExecutionContext, headers };
}

describe('MetricsTokenGuard', () => {
  it('with METRICS_TOKEN, admits only that bearer token', () => {
    const guard = new MetricsTokenGuard(AppConfig.load({ METRICS_TOKEN: TOKEN }));
    expect(guard.canActivate(context(`Bearer ${TOKEN}`).ctx)).toBe(true);
    for (const header of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const { ctx, headers } = context(header);
      expect(() => guard.canActivate(ctx)).toThrow(UnauthorizedException);
      expect(headers['WWW-Authenticate']).toBe('Bearer realm="metrics"');
    }
  });

  it('without METRICS_TOKEN, is open in development and absent (404) in production', () => {
    expect(new MetricsTokenGuard(AppConfig.load({})).canActivate(context().ctx)).toBe(true);
    expect(() => new MetricsTokenGuard(AppConfig.load(production)).canActivate(context().ctx)).toThrow(NotFoundException);
    expect(new MetricsTokenGuard(AppConfig.load({ ...production, METRICS_TOKEN: TOKEN })).canActivate(context(`Bearer ${TOKEN}`).ctx)).toBe(true);
  });

  it('refuses a METRICS_TOKEN shorter than 16 characters', () => {
    expect(() => AppConfig.load({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16/);
  });
});
