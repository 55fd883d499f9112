import { randomBytes } from 'node:crypto';
import { AppConfig } from './app-config';

const key = () => randomBytes(32).toString('base64');

describe('Webhook secrets settings', () => {
  it('are optional outside production, empty meaning unset', () => {
    expect(AppConfig.load({}).env.WEBHOOK_SECRETS_KEY).toBeUndefined();
    const { env } = AppConfig.load({ WEBHOOK_SECRETS_KEY: '', WEBHOOK_SECRETS_PREVIOUS_KEYS: '' });
    expect(env.WEBHOOK_SECRETS_KEY).toBeUndefined();
    expect(env.WEBHOOK_SECRETS_PREVIOUS_KEYS).toBeUndefined();
  });

  it('take the base64 of 32 bytes, and previous keys comma-separated', () => {
    const [current, old1, old2] = [key(), key(), key()];
    const { env } = AppConfig.load({ WEBHOOK_SECRETS_KEY: current, WEBHOOK_SECRETS_PREVIOUS_KEYS: `${old1}, ${old2}` });
    expect(env.WEBHOOK_SECRETS_KEY).toBe(current);
    expect(env.WEBHOOK_SECRETS_PREVIOUS_KEYS).toEqual([old1, old2]);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['48 bytes', randomBytes(48).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['unpadded', key().slice(0, 43)],
  ])('refuse a key that is not the base64 of 32 bytes (%s), naming the setting', (_, bad) => {
    expect(() => AppConfig.load({ WEBHOOK_SECRETS_KEY: bad })).toThrow(/WEBHOOK_SECRETS_KEY: must be the base64 of 32 bytes/);
    expect(() => AppConfig.load({ WEBHOOK_SECRETS_PREVIOUS_KEYS: `${key()},${bad}` })).toThrow(
      /WEBHOOK_SECRETS_PREVIOUS_KEYS\.1: must be the base64 of 32 bytes/,
    );
  });
});
