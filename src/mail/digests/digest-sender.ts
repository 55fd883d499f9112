import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetMailRecipientQuery } from '../../auth/contracts';
import { CityZonesReader } from '../cities/city-zones.reader';
import { DigestEntryRepository } from '../persistence/digest-entry.repository';
import type { DigestJob } from '../queue/mail-jobs';
import { MailSender, type SendOutcome } from '../send/mail-sender';
import { digestMail } from '../templates/digest-mail';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';

export type DigestOutcome = SendOutcome | 'empty' | 'not-wanted';

/**
 * One user's digest: every entry no earlier digest took. Order matters for exactly-once: a digest
 * already sent claims nothing more (else entries arriving after it would be claimed by a mail that
 * is gone); a retry of an unsent one claims what came since and sends it all under the same key.
 */
@Injectable()
export class DigestSender {
  constructor(
    private readonly queries: QueryBus,
    private readonly entries: DigestEntryRepository,
    private readonly cities: CityZonesReader,
    private readonly sender: MailSender,
    private readonly links: UnsubscribeLinks,
  ) {}

  async send({ userId, period, slot }: DigestJob): Promise<DigestOutcome> {
    const key = `digest:${userId}:${period}:${slot}`;
    if (await this.sender.wasSent(key)) return 'already-sent';
    const user = await this.queries.execute(new GetMailRecipientQuery(userId));
    // Disabled, deleted, or changed cadence since the job was enqueued: the entries wait for the right digest.
    if (!user?.cityId || user.emailCadence !== period) return 'not-wanted';
    await this.entries.claim(userId, key);
    const items = await this.entries.claimedBy(userId, key);
    if (items.length === 0) return 'empty';
    const city = (await this.cities.byIds([user.cityId])).get(user.cityId);
    return this.sender.send(
      digestMail({
        key,
        to: user.email,
        lang: user.language,
        weekly: period === 'weekly',
        cityName: city?.name ?? '',
        items,
        links: this.links.linksFor(userId),
      }),
    );
  }
}
