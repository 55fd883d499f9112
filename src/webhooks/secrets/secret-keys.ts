import { hkdfSync } from 'node:crypto';
import { SecretCipher, secretKeyOf, type SecretKey } from './secret-cipher';

export interface SecretKeySettings {
  /** WEBHOOK_SECRETS_KEY: base64 of 32 bytes (validated by the config schema). */
  current?: string;
  /** WEBHOOK_SECRETS_PREVIOUS_KEYS: keys older secrets may still be under. */
  previous?: readonly string[];
}

/**
 * The cipher from the settings. Without WEBHOOK_SECRETS_KEY (development and tests only:
 * production requires it) the key is derived from the JWT secret with HKDF, so `npm start` needs
 * no setup; such a key sits next to the data it protects, which is why production needs its own.
 */
export async function secretCipherFrom(settings: SecretKeySettings, jwtSecret: () => Promise<string>): Promise<SecretCipher> {
  const previous = (settings.previous ?? []).map((k) => secretKeyOf(Buffer.from(k, 'base64')));
  const current = settings.current ? secretKeyOf(Buffer.from(settings.current, 'base64')) : derivedKey(await jwtSecret());
  return new SecretCipher(current, previous);
}

/** The development key: HKDF-SHA256 of the JWT secret, info "webhook-secrets". */
export function derivedKey(jwtSecret: string): SecretKey {
  return secretKeyOf(Buffer.from(hkdfSync('sha256', jwtSecret, Buffer.alloc(0), 'webhook-secrets', 32)));
}
