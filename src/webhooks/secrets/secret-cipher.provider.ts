import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { SecretCipher } from './secret-cipher';
import { secretCipherFrom } from './secret-keys';

/** The `settings` document auth keeps its generated JWT secret in (src/auth/jwt-secret.ts). */
const JWT_SECRET_ID = 'jwt-secret';

/** The cipher of webhook secrets, made once per app or worker from AppConfig. */
export const secretCipherProvider: Provider = {
  provide: SecretCipher,
  inject: [AppConfig, getConnectionToken()],
  useFactory: (config: AppConfig, connection: Connection) =>
    secretCipherFrom({ current: config.env.WEBHOOK_SECRETS_KEY, previous: config.env.WEBHOOK_SECRETS_PREVIOUS_KEYS }, () =>
      config.env.JWT_SECRET ? Promise.resolve(config.env.JWT_SECRET) : generatedJwtSecret(connection),
    ),
};

/**
 * Without JWT_SECRET (development) auth generates one and keeps it in `settings`; the worker
 * process has no auth module and may start first, so this writes it the same way if absent
 * (insert-if-absent: whoever writes first, everyone reads the same value).
 */
async function generatedJwtSecret(connection: Connection): Promise<string> {
  const settings = connection.collection<{ _id: string; value: string; createdAt: Date }>('settings');
  await settings.updateOne(
    { _id: JWT_SECRET_ID },
    { $setOnInsert: { value: randomBytes(32).toString('hex'), createdAt: new Date() } },
    { upsert: true },
  );
  const stored = await settings.findOne({ _id: JWT_SECRET_ID });
  if (!stored) throw new Error('The generated JWT secret could not be read back from the settings collection');
  return stored.value;
}
