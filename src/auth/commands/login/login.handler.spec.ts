import * as argon2 from '@node-rs/argon2';
import { UnauthorizedException } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { AppConfig } from '../../../config/app-config';
import { PasswordHasher } from '../../password-hasher';
import type { UserRepository } from '../../persistence/user.repository';
import type { UserDocument } from '../../persistence/user.schema';
import { LoginThrottledException } from '../../throttling/login-throttled.exception';
import type { AccountLoginLimiter } from '../../throttling/account-login-limiter';
import type { Sessions } from '../../sessions/sessions.service';
import type { TokenService } from '../../token.service';
import { LoginCommand } from './login.command';
import { LoginHandler } from './login.handler';

// The real library, with its verify recorded.
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual<typeof import('@node-rs/argon2')>('@node-rs/argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});
const argon2Verify = jest.mocked(argon2.verify);

const params = (hash: string) => {
  const { algorithm, version, memoryCost, timeCost, parallelism, outputLen } = argon2.parseOptions(hash);
  return { algorithm, version, memoryCost, timeCost, parallelism, outputLen };
};

describe('LoginHandler', () => {
  const hasher = new PasswordHasher(AppConfig.load({ NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' }));
  let stored: UserDocument[];
  let replacePasswordHash: jest.Mock;
  let handler: LoginHandler;
  let accounts: { begin: jest.Mock; succeeded: jest.Mock };

  const user = (email: string, passwordHash: string) =>
    ({ _id: `id-${email}`, email, passwordHash, name: email, role: 'admin', cityId: null, version: 1 }) as UserDocument;

  beforeEach(async () => {
    stored = [user('known@test.local', await hasher.hash('the right passphrase'))];
    replacePasswordHash = jest.fn(async (id: string, previous: string, next: string) => {
      const found = stored.find((u) => u._id === id && u.passwordHash === previous);
      if (found) found.passwordHash = next;
      return !!found;
    });
    const users = {
      findByEmail: async (email: string) => stored.find((u) => u.email === email) ?? null,
      findById: async (id: string) => stored.find((u) => u._id === id) ?? null,
      replacePasswordHash,
    } as unknown as UserRepository;
    const tokens = { issue: async () => 'a-token' } as unknown as TokenService;
    accounts = { begin: jest.fn(async () => undefined), succeeded: jest.fn(async () => undefined) };
    handler = new LoginHandler(users, hasher, tokens, accounts as unknown as AccountLoginLimiter, { endAll: jest.fn() } as unknown as Sessions);
    argon2Verify.mockClear();
  });

  afterEach(() => jest.restoreAllMocks());

  it('refuses a disabled user with the message of a wrong password', async () => {
    stored[0].disabled = true;
    await expect(handler.execute(new LoginCommand('known@test.local', 'the right passphrase', '203.0.113.7'))).rejects.toThrow(
      'The e-mail or password is wrong.',
    );
  });

  it('logs in with the right password', async () => {
    const result = await handler.execute(new LoginCommand('known@test.local', 'the right passphrase', '203.0.113.7'));
    expect(result).toMatchObject({ accessToken: 'a-token', user: { email: 'known@test.local' } });
    expect(replacePasswordHash).not.toHaveBeenCalled();
  });

  it('counts the attempt on the account first, and clears it on success only', async () => {
    await expect(handler.execute(new LoginCommand('known@test.local', 'a wrong passphrase', '203.0.113.7'))).rejects.toThrow(UnauthorizedException);
    expect(accounts.begin).toHaveBeenCalledWith('known@test.local', '203.0.113.7');
    expect(accounts.succeeded).not.toHaveBeenCalled();
    await handler.execute(new LoginCommand('known@test.local', 'the right passphrase', '203.0.113.7'));
    expect(accounts.succeeded).toHaveBeenCalledWith('known@test.local', '203.0.113.7');
  });

  it('checks no password while the account is held', async () => {
    accounts.begin.mockRejectedValueOnce(new LoginThrottledException(5));
    const verify = jest.spyOn(hasher, 'verify');
    await expect(handler.execute(new LoginCommand('known@test.local', 'the right passphrase', '203.0.113.7'))).rejects.toThrow(
      LoginThrottledException,
    );
    expect(verify).not.toHaveBeenCalled();
    expect(accounts.succeeded).not.toHaveBeenCalled();
  });

  it('does the same verification for an unknown address as for a wrong password: a stand-in hash of the same algorithm and parameters', async () => {
    const verify = jest.spyOn(hasher, 'verify');
    await expect(handler.execute(new LoginCommand('known@test.local', 'a wrong passphrase', '203.0.113.7'))).rejects.toThrow(UnauthorizedException);
    await expect(handler.execute(new LoginCommand('nobody@test.local', 'a wrong passphrase', '203.0.113.7'))).rejects.toThrow(UnauthorizedException);
    // Both paths call the hasher once, the unknown one without a hash of its own …
    expect(verify.mock.calls).toEqual([
      ['a wrong passphrase', stored[0].passwordHash],
      ['a wrong passphrase', undefined],
    ]);
    // … which verifies against its stand-in: Argon2id, with exactly the parameters of the real hash.
    expect(argon2Verify).toHaveBeenCalledTimes(2);
    const [known, unknown] = argon2Verify.mock.calls.map(([hash]) => String(hash));
    expect(known).toBe(stored[0].passwordHash);
    expect(unknown).toBe(hasher.decoy);
    expect(unknown).toMatch(/^\$argon2id\$/);
    expect(params(unknown)).toEqual(params(known));
  });

  it('gives one answer for an unknown address and a wrong password', async () => {
    const wrong = await handler.execute(new LoginCommand('known@test.local', 'a wrong passphrase', '203.0.113.7')).catch((e: Error) => e.message);
    const unknown = await handler.execute(new LoginCommand('nobody@test.local', 'a wrong passphrase', '203.0.113.7')).catch((e: Error) => e.message);
    expect(unknown).toBe(wrong);
  });

  it('stores an Argon2id hash when a user logs in with a bcrypt hash of an earlier release', async () => {
    const legacy = await bcrypt.hash('an old passphrase', 4);
    stored.push(user('old@test.local', legacy));
    await handler.execute(new LoginCommand('old@test.local', 'an old passphrase', '203.0.113.7'));
    expect(replacePasswordHash).toHaveBeenCalledWith('id-old@test.local', legacy, expect.stringMatching(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/));
    const upgraded = stored[1].passwordHash;
    expect(await hasher.verify('an old passphrase', upgraded)).toBe(true);
    // The next login verifies the Argon2id hash and leaves it alone.
    await handler.execute(new LoginCommand('old@test.local', 'an old passphrase', '203.0.113.7'));
    expect(replacePasswordHash).toHaveBeenCalledTimes(1);
    expect(stored[1].passwordHash).toBe(upgraded);
  });

  it('does not rehash on a wrong password', async () => {
    stored.push(user('old@test.local', await bcrypt.hash('an old passphrase', 4)));
    await expect(handler.execute(new LoginCommand('old@test.local', 'a wrong passphrase', '203.0.113.7'))).rejects.toThrow(UnauthorizedException);
    expect(replacePasswordHash).not.toHaveBeenCalled();
  });

  it('still logs in when storing the new hash fails', async () => {
    stored.push(user('old@test.local', await bcrypt.hash('an old passphrase', 4)));
    replacePasswordHash.mockRejectedValueOnce(new Error('MongoDB is down'));
    jest.spyOn(handler['logger'], 'warn').mockImplementation(() => undefined);
    await expect(handler.execute(new LoginCommand('old@test.local', 'an old passphrase', '203.0.113.7'))).resolves.toMatchObject({
      accessToken: 'a-token',
    });
  });
});
