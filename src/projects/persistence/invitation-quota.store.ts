import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { INVITATION_RATE_LIMIT, takeInvitationSlot, type InvitationRateLimit } from '../domain/invitation-rate-limit';
import { InvitationQuotaDocument } from './invitation-quota.schema';

/** Provider token to change the limit (tests; a setting when one is wanted). */
export const INVITATION_RATE_LIMIT_OPTIONS = Symbol('INVITATION_RATE_LIMIT_OPTIONS');

/**
 * Counts invitations per (inviting city, invited city) in MongoDB, so every instance shares the
 * count. `take` runs inside the invitation's transaction: read, check, write the pair's document.
 * Two invitations of one pair at once both write that document, so MongoDB lets one commit and
 * retries the other's transaction, which then reads the new count — the quota holds under races.
 */
@Injectable()
export class InvitationQuotaStore {
  constructor(
    @InjectModel(InvitationQuotaDocument.name) private readonly quotas: Model<InvitationQuotaDocument>,
    @Optional() @Inject(INVITATION_RATE_LIMIT_OPTIONS) private readonly limit: InvitationRateLimit = INVITATION_RATE_LIMIT,
  ) {}

  /** Counts one invitation of the pair, or throws `InvitationRateLimited` (nothing written then). */
  async take(inviterCityId: string, invitedCityId: string, session: ClientSession, now = new Date()): Promise<void> {
    const _id = `${inviterCityId}>${invitedCityId}`;
    const stored = await this.quotas.findById(_id, { sentAt: 1 }, { session }).lean<Pick<InvitationQuotaDocument, 'sentAt'>>().exec();
    const sentAt = takeInvitationSlot(
      inviterCityId,
      invitedCityId,
      (stored?.sentAt ?? []).map((d) => new Date(d)),
      now,
      this.limit,
    );
    await this.quotas
      .updateOne(
        { _id },
        { $set: { inviterCityId, invitedCityId, sentAt, expiresAt: new Date(now.getTime() + this.limit.windowMs) } },
        { upsert: true, session },
      )
      .exec();
  }
}
