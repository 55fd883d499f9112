import * as argon2 from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { AppConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';

// The real library, with its verify recorded (what the unknown-address path compares against).
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});
const verify = jest.mocked(argon2.verify);

const config = (memory = '1024') => AppConfig.load({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: memory });
const params = (hash: string) => {
  const { algorithm, version, memoryCost, timeCost, parallelism, outputLen } = argon2.parseOptions(hash);
  return { algorithm, version, memoryCost, timeCost, parallelism, outputLen };
};

/** Two 100-byte passphrases equal in their first 72 bytes (bcrypt reads no further). */
const prefix = 'correct horse battery staple, then a long tail of words to pass 72 bytes:';
const one = `${prefix} ${'a'.repeat(100 - prefix.length - 1)}`;
const other = `${prefix} ${'b'.repeat(100 - prefix.length - 1)}`;

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher(config());

  it('hashes with Argon2id, t=2, p=1 and the configured memory', async () => {
    const hash = await hasher.hash('a long passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/);
    expect(await hasher.verify('a long passphrase', hash)).toBe(true);
    expect(await hasher.verify('another passphrase', hash)).toBe(false);
  });

  it('defaults to OWASP parameters (19 MiB, t=2, p=1)', () => {
    expect(AppConfig.load({}).env.PASSWORD_HASH_MEMORY_KIB).toBe(19_456);
  });

  it('tells apart two 100-byte passphrases that differ only after byte 72', async () => {
    expect(Buffer.byteLength(one)).toBe(100);
    expect(one.slice(0, 72)).toBe(other.slice(0, 72));
    const hash = await hasher.hash(one);
    expect(await hasher.verify(one, hash)).toBe(true);
    expect(await hasher.verify(other, hash)).toBe(false);
  });

  it('still verifies bcrypt hashes of earlier releases, and asks for their rehash', async () => {
    const legacy = await bcrypt.hash('an old password', 4);
    expect(await hasher.verify('an old password', legacy)).toBe(true);
    expect(await hasher.verify('not the password', legacy)).toBe(false);
    expect(hasher.needsRehash(legacy)).toBe(true);
  });

  it('asks for a rehash when the cost changed, not for a hash made with today’s parameters', async () => {
    expect(hasher.needsRehash(await hasher.hash('a long passphrase'))).toBe(false);
    const weaker = await argon2.hash('a long passphrase', { memoryCost: 2048, timeCost: 1, parallelism: 1 });
    expect(hasher.needsRehash(weaker)).toBe(true);
    expect(hasher.needsRehash('not a hash')).toBe(true);
  });

  it('refuses, without throwing, a stored value that is no hash', async () => {
    expect(await hasher.verify('x', 'not a hash')).toBe(false);
  });

  describe('unknown address (timing)', () => {
    beforeEach(() => verify.mockClear());

    it('verifies against a stand-in hash made once, with the algorithm and parameters of real hashes', async () => {
      const real = await hasher.hash('a long passphrase');
      expect(await hasher.verify('a long passphrase', undefined)).toBe(false);
      expect(await hasher.verify('a long passphrase', undefined)).toBe(false);
      expect(await hasher.verify('a wrong passphrase', real)).toBe(false);
      expect(verify).toHaveBeenCalledTimes(3);
      const [decoyCall, again, realCall] = verify.mock.calls.map(([hash]) => String(hash));
      expect(decoyCall).toBe(again); // computed once, at start
      expect(decoyCall).not.toBe(realCall);
      expect(decoyCall).toMatch(/^\$argon2id\$/);
      expect(params(decoyCall)).toEqual(params(realCall));
    });

    it('follows the configured cost', () => {
      expect(params(new PasswordHasher(config('2048')).decoy)).toMatchObject({ memoryCost: 2048, timeCost: 2, parallelism: 1 });
    });
  });
});
