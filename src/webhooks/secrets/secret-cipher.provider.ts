import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import { resolveJwtSecret } from '../../config/jwt-secret';
import { SecretCipher } from './secret-cipher';
import { secretCipherFrom } from './secret-keys';

/**
 * The cipher of webhook secrets, made once per app or worker from AppConfig. Without a key of its
 * own it derives one from the JWT secret: JWT_SECRET, or the one generated and kept in the database
 * (resolveJwtSecret, the same for auth; the worker, which has no auth module, may write it first).
 */
export const secretCipherProvider: Provider = {
  provide: SecretCipher,
  inject: [AppConfig, getConnectionToken()],
  useFactory: (config: AppConfig, connection: Connection) =>
    secretCipherFrom({ current: config.env.WEBHOOK_SECRETS_KEY, previous: config.env.WEBHOOK_SECRETS_PREVIOUS_KEYS }, () =>
      resolveJwtSecret(config, connection),
    ),
};
