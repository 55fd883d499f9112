import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { SecretCipher } from '../secrets/secret-cipher';
import { WebhookSecretDocument } from './webhook-secret.schema';
import { WebhookDocument } from './webhook.schema';

/** Whose webhooks: a city's, the network's (`null`), or every one (`'all'`, admins). */
export type WebhookOwner = string | null | 'all';

/** The `webhooks` and `webhook_secrets` collections, with the narrow operations the use cases need. */
@Injectable()
export class WebhookRepository implements OnModuleInit {
  constructor(
    @InjectModel(WebhookDocument.name) private readonly webhooks: Model<WebhookDocument>,
    @InjectModel(WebhookSecretDocument.name) private readonly secrets: Model<WebhookSecretDocument>,
    private readonly cipher: SecretCipher,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.webhooks.init(), this.secrets.init()]);
  }

  /**
   * The secret first: a webhook the dispatcher can see always has a secret to sign with. It is
   * stored encrypted (SecretCipher), never as given.
   */
  async create(webhook: WebhookDocument, secret: string): Promise<void> {
    const stored = this.cipher.encrypt(secret, webhook._id);
    await this.secrets.collection.insertOne({ _id: webhook._id, secret: stored, createdAt: webhook.createdAt } as never);
    await this.webhooks.collection.insertOne(webhook as never);
  }

  countOwnedBy(cityId: string | null): Promise<number> {
    return this.webhooks.countDocuments({ cityId }).exec();
  }

  get(id: string): Promise<WebhookDocument | null> {
    return this.webhooks.findById(id).lean<WebhookDocument>().exec();
  }

  async list(owner: WebhookOwner, page: PageRequest): Promise<{ items: WebhookDocument[]; total: number }> {
    const filter = owner === 'all' ? {} : { cityId: owner };
    const [items, total] = await Promise.all([
      this.webhooks.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<WebhookDocument[]>().exec(),
      this.webhooks.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  /** The webhooks that follow any of these event types. */
  following(types: string[]): Promise<WebhookDocument[]> {
    return this.webhooks
      .find({ events: { $in: types } })
      .lean<WebhookDocument[]>()
      .exec();
  }

  /** The secret as shown at creation; throws SecretDecryptionError when no configured key opens it. */
  async secretOf(id: string): Promise<string | null> {
    const found = await this.secrets.findById(id).lean<WebhookSecretDocument>().exec();
    return found ? this.cipher.decrypt(found.secret, id) : null;
  }

  /** Removes the webhook, then its secret; true when it existed. */
  async delete(id: string): Promise<boolean> {
    const { deletedCount } = await this.webhooks.deleteOne({ _id: id }).exec();
    await this.secrets.deleteOne({ _id: id }).exec();
    return deletedCount > 0;
  }
}
