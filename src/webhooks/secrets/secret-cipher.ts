import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A 256-bit AES key and its id: what a stored secret names so the right key opens it after a rotation. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** A stored secret that cannot be opened: tampered with, written for another webhook, or under a key this instance lacks. */
export class SecretDecryptionError extends Error {}

const VERSION = 'v1';
const IV_BYTES = 12; // 96 bits: GCM's native IV size
const TAG_BYTES = 16;

/**
 * The id of a key: the start of a hash of it, so operators set keys only (no id to invent or
 * keep in step) and the id tells nothing usable about the key.
 */
export function secretKeyOf(key: Buffer): SecretKey {
  if (key.length !== 32) throw new Error(`a webhook secrets key is 32 bytes, not ${key.length}`);
  return { id: createHash('sha256').update('webhook-secrets-key-id:').update(key).digest('hex').slice(0, 12), key };
}

/**
 * Webhook signing secrets at rest, AES-256-GCM: `v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url
 * parts), a random IV per write. The webhook id and the header are authenticated too, so a stored
 * value copied onto another webhook, or with its key id changed, fails like any tampering. Writes
 * use the current key; reads accept the previous keys (rotation) and plain legacy values (written
 * before encryption; start-up re-encrypts them, see secret-migration.ts).
 */
export class SecretCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: SecretKey,
    previous: readonly SecretKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map((k) => [k.id, k.key]));
  }

  /** The prefix of every value written under the current key (what the migration leaves alone). */
  get currentPrefix(): string {
    return `${VERSION}:${this.current.id}:`;
  }

  encrypt(secret: string, webhookId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(this.current.id, webhookId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, this.current.id, b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join(':');
  }

  /** The secret as shown at creation; a legacy plain value is answered as it is. */
  decrypt(stored: string, webhookId: string): string {
    if (!isEncrypted(stored)) return stored;
    const parts = stored.split(':');
    if (parts.length !== 5) throw new SecretDecryptionError(`webhook ${webhookId}: malformed stored secret`);
    const [, keyId, iv, ciphertext, tag] = parts;
    const key = this.keys.get(keyId);
    if (!key)
      throw new SecretDecryptionError(
        `webhook ${webhookId}: its secret is under key ${keyId}, which is neither WEBHOOK_SECRETS_KEY nor one of WEBHOOK_SECRETS_PREVIOUS_KEYS`,
      );
    const tagBytes = Buffer.from(tag, 'base64url');
    const ivBytes = Buffer.from(iv, 'base64url');
    if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES)
      throw new SecretDecryptionError(`webhook ${webhookId}: malformed stored secret`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(keyId, webhookId));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(`webhook ${webhookId}: the stored secret fails authentication (altered, or not this webhook's)`);
    }
  }
}

/** Encrypted values start with the version; secrets are `whsec_…`, so a plain one never does. */
export function isEncrypted(stored: string): boolean {
  return stored.startsWith(`${VERSION}:`);
}

function associatedData(keyId: string, webhookId: string): Buffer {
  return Buffer.from(`${VERSION}:${keyId}:${webhookId}`, 'utf8');
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}
