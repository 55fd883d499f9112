import type { Model } from 'mongoose';
import type { WebhookSecretDocument } from '../persistence/webhook-secret.schema';
import { SecretDecryptionError, type SecretCipher } from './secret-cipher';

export interface SecretMigration {
  /** Webhooks whose secret was rewritten under the current key. */
  rewritten: string[];
  /** Webhooks whose secret no configured key opens (left as they are). */
  unreadable: { id: string; reason: string }[];
}

/**
 * Brings every stored secret under the current key: plain ones (written before encryption at
 * rest) are encrypted, ones under a previous key are re-encrypted. Idempotent (values already
 * under the current key are not read) and safe for several instances at once: each update is
 * conditional on the value read, so of two instances one writes and the other matches nothing.
 */
export async function encryptStoredSecrets(secrets: Model<WebhookSecretDocument>, cipher: SecretCipher): Promise<SecretMigration> {
  const stale = await secrets
    .find({ secret: { $not: new RegExp(`^${escapeRegExp(cipher.currentPrefix)}`) } }, { _id: 1, secret: 1 })
    .lean<Pick<WebhookSecretDocument, '_id' | 'secret'>[]>()
    .exec();
  const result: SecretMigration = { rewritten: [], unreadable: [] };
  for (const doc of stale) {
    let secret: string;
    try {
      secret = cipher.decrypt(doc.secret, doc._id);
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      result.unreadable.push({ id: doc._id, reason: error.message });
      continue;
    }
    const { modifiedCount } = await secrets
      .updateOne({ _id: doc._id, secret: doc.secret }, { $set: { secret: cipher.encrypt(secret, doc._id) } })
      .exec();
    if (modifiedCount > 0) result.rewritten.push(doc._id);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
