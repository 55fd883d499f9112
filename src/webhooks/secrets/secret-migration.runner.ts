import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { WebhookSecretDocument } from '../persistence/webhook-secret.schema';
import { SecretCipher } from './secret-cipher';
import { encryptStoredSecrets } from './secret-migration';

/**
 * At every start (API and worker), encrypts the secrets still in plain text and moves those under
 * a previous key to the current one (see encryptStoredSecrets; a no-op once done). A secret no key
 * opens (a previous key dropped too soon) is logged, not fatal: one webhook's deliveries fail and
 * retry, and say why in its delivery log, while the rest of the platform runs.
 */
@Injectable()
export class SecretMigrationRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(SecretMigrationRunner.name);

  constructor(
    @InjectModel(WebhookSecretDocument.name) private readonly secrets: Model<WebhookSecretDocument>,
    private readonly cipher: SecretCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { rewritten, unreadable } = await encryptStoredSecrets(this.secrets, this.cipher);
    if (rewritten.length > 0) this.logger.log(`Encrypted ${rewritten.length} webhook secrets under the current key`);
    for (const { reason } of unreadable) this.logger.error(`${reason}: its deliveries fail until the key is configured again`);
  }
}
