import { randomBytes } from 'node:crypto';
import { isEncrypted, SecretCipher, SecretDecryptionError, secretKeyOf } from './secret-cipher';
import { derivedKey, secretCipherFrom } from './secret-keys';

const secret = `whsec_${randomBytes(32).toString('base64url')}`;
const keyA = secretKeyOf(randomBytes(32));
const keyB = secretKeyOf(randomBytes(32));

/** Flips one bit of the base64url part `index` of a stored value. */
function flip(stored: string, index: number): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 1;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
}

describe('SecretCipher', () => {
  const cipher = new SecretCipher(keyA);

  it('round-trips, with the secret nowhere in the stored value and a fresh IV each time', () => {
    const stored = cipher.encrypt(secret, 'hook-1');
    expect(stored).toMatch(new RegExp(`^v1:${keyA.id}:[\\w-]{16}:[\\w-]+:[\\w-]{22}$`));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(6));
    expect(isEncrypted(stored)).toBe(true);
    expect(cipher.decrypt(stored, 'hook-1')).toBe(secret);
    const again = cipher.encrypt(secret, 'hook-1');
    expect(again.split(':')[2]).not.toBe(stored.split(':')[2]);
    expect(again).not.toBe(stored);
  });

  it.each([
    ['IV', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ])('refuses a value whose %s was altered', (_, index) => {
    const stored = cipher.encrypt(secret, 'hook-1');
    expect(() => cipher.decrypt(flip(stored, index), 'hook-1')).toThrow(SecretDecryptionError);
  });

  it('refuses a value copied onto another webhook', () => {
    expect(() => cipher.decrypt(cipher.encrypt(secret, 'hook-1'), 'hook-2')).toThrow(/fails authentication/);
  });

  it('refuses a value under another key, naming the missing key id', () => {
    const other = new SecretCipher(keyB).encrypt(secret, 'hook-1');
    expect(() => cipher.decrypt(other, 'hook-1')).toThrow(new RegExp(`under key ${keyB.id}`));
  });

  it('refuses a value whose key id was swapped for a known key', () => {
    const both = new SecretCipher(keyA, [keyB]);
    const stored = both.encrypt(secret, 'hook-1');
    expect(() => both.decrypt(stored.replace(keyA.id, keyB.id), 'hook-1')).toThrow(SecretDecryptionError);
  });

  it('refuses malformed values', () => {
    expect(() => cipher.decrypt(`v1:${keyA.id}:abc`, 'hook-1')).toThrow(/malformed/);
    expect(() => cipher.decrypt(`v1:${keyA.id}:AAAA:AAAA:AAAA`, 'hook-1')).toThrow(/malformed/);
  });

  it('reads values under a previous key (rotation) and writes under the current one', () => {
    const old = new SecretCipher(keyA).encrypt(secret, 'hook-1');
    const rotated = new SecretCipher(keyB, [keyA]);
    expect(rotated.decrypt(old, 'hook-1')).toBe(secret);
    const rewritten = rotated.encrypt(secret, 'hook-1');
    expect(rewritten.startsWith(rotated.currentPrefix)).toBe(true);
    expect(rotated.currentPrefix).toBe(`v1:${keyB.id}:`);
    expect(new SecretCipher(keyB).decrypt(rewritten, 'hook-1')).toBe(secret);
  });

  it('answers a plain legacy value as it is', () => {
    expect(isEncrypted(secret)).toBe(false);
    expect(cipher.decrypt(secret, 'hook-1')).toBe(secret);
  });

  it('gives a key a stable id that is not the key', () => {
    const key = randomBytes(32);
    expect(secretKeyOf(key).id).toBe(secretKeyOf(Buffer.from(key)).id);
    expect(secretKeyOf(key).id).toMatch(/^[0-9a-f]{12}$/);
    expect(keyA.id).not.toBe(keyB.id);
    expect(() => secretKeyOf(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('secretCipherFrom', () => {
  const jwtSecret = 'a-jwt-secret-that-is-long-enough-for-hs256';

  it('uses WEBHOOK_SECRETS_KEY when set, without asking for the JWT secret', async () => {
    const key = randomBytes(32);
    const jwt = jest.fn();
    const cipher = await secretCipherFrom({ current: key.toString('base64') }, jwt);
    expect(cipher.currentPrefix).toBe(`v1:${secretKeyOf(key).id}:`);
    expect(jwt).not.toHaveBeenCalled();
  });

  it('derives the key from the JWT secret without it (HKDF, info "webhook-secrets"): the same secret, the same key', async () => {
    const one = await secretCipherFrom({}, async () => jwtSecret);
    const two = await secretCipherFrom({}, async () => jwtSecret);
    expect(two.decrypt(one.encrypt(secret, 'hook-1'), 'hook-1')).toBe(secret);
    expect(one.currentPrefix).toBe(`v1:${derivedKey(jwtSecret).id}:`);
    expect(derivedKey(jwtSecret).key.equals(Buffer.from(jwtSecret))).toBe(false);
    const another = await secretCipherFrom({}, async () => `${jwtSecret}!`);
    expect(() => another.decrypt(one.encrypt(secret, 'hook-1'), 'hook-1')).toThrow(SecretDecryptionError);
  });

  it('opens values under WEBHOOK_SECRETS_PREVIOUS_KEYS', async () => {
    const old = await secretCipherFrom({}, async () => jwtSecret);
    const stored = old.encrypt(secret, 'hook-1');
    const configured = await secretCipherFrom(
      { current: keyB.key.toString('base64'), previous: [keyA.key.toString('base64'), derivedKey(jwtSecret).key.toString('base64')] },
      async () => jwtSecret,
    );
    expect(configured.decrypt(stored, 'hook-1')).toBe(secret);
  });
});
