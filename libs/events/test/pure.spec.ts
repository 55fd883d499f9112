import { CONSUMER_DEFAULTS, contextCausedBy, duplicateKeyInfo, isDuplicateKeyError, resolveEventsOptions, retryDelay } from '../src';

describe('retryDelay', () => {
  const options = (backoffBaseMs: number, backoffMaxMs: number) => ({ ...CONSUMER_DEFAULTS, backoffBaseMs, backoffMaxMs });
  it('doubles from the base with each failure and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, options(1000, 30_000)))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(retryDelay(500, options(1000, 30_000))).toBe(30_000);
    expect(retryDelay(0, options(250, 30_000))).toBe(250);
  });
});

describe('resolveEventsOptions', () => {
  it('fills the defaults and keeps what was given', () => {
    expect(resolveEventsOptions().consumers).toEqual(CONSUMER_DEFAULTS);
    expect(resolveEventsOptions({ consumers: { pollIntervalMs: 50, enabled: false } }).consumers).toMatchObject({
      pollIntervalMs: 50,
      enabled: false,
      leaseMs: CONSUMER_DEFAULTS.leaseMs,
    });
  });

  it('names a bad setting', () => {
    expect(() => resolveEventsOptions({ consumers: { pollIntervalMs: 0 } })).toThrow(/consumers\.pollIntervalMs must be a number >= 1/);
    expect(() => resolveEventsOptions({ consumers: { leaseMs: Number.NaN } })).toThrow(/consumers\.leaseMs/);
    expect(() => resolveEventsOptions({ consumers: { backoffBaseMs: 5000, backoffMaxMs: 100 } })).toThrow(/backoffMaxMs/);
  });
});

describe('duplicate-key errors', () => {
  it('recognises code 11000 and names the key from keyPattern', () => {
    const error = Object.assign(new Error('E11000 duplicate key error collection: db.cities index: name_1_country_1 dup key'), {
      code: 11000,
      keyPattern: { name: 1, country: 1 },
    });
    expect(isDuplicateKeyError(error)).toBe(true);
    expect(duplicateKeyInfo(error)).toEqual({ fields: ['name', 'country'], index: 'name_1_country_1' });
  });

  it('falls back to the index name of the message', () => {
    const error = { code: 11000, message: 'E11000 duplicate key error collection: db.users index: email_1 dup key: { email: "a" }' };
    expect(duplicateKeyInfo(error)).toEqual({ fields: ['email'], index: 'email_1' });
    expect(duplicateKeyInfo({ code: 11000, errmsg: 'index: city_id_1_kind_-1 dup key' }).fields).toEqual(['city_id', 'kind']);
    expect(isDuplicateKeyError({ code: 112 })).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('contextCausedBy', () => {
  it('keeps the correlation id and makes the event the cause', () => {
    expect(contextCausedBy({ id: 'ev-1', actor: { userId: 'u', cityId: 'c' }, correlationId: 'corr' })).toEqual({
      actor: { userId: 'u', cityId: 'c' },
      role: 'system',
      correlationId: 'corr',
      causationId: 'ev-1',
    });
  });
});
