import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { ListMailRecipientsQuery } from '../../auth/contracts';
import { CityZonesReader } from '../cities/city-zones.reader';
import { MailQueue } from '../queue/mail-queue';
import type { DigestJob, DigestPeriod } from '../queue/mail-jobs';
import { dueDigests } from './digest-due';

/** Decides whose digest goes out when, and enqueues one `mail.digest` job per user. */
@Injectable()
export class DigestScheduler {
  constructor(
    private readonly cities: CityZonesReader,
    private readonly queries: QueryBus,
    private readonly queue: MailQueue,
  ) {}

  /** The digests due at `now` (08:00 local to each city; weekly on Mondays). Returns how many were enqueued. */
  async tick(now: Date): Promise<number> {
    const due = new Map<string, { cityIds: string[]; period: DigestPeriod; slot: string }>();
    for (const city of await this.cities.all()) {
      for (const { period, slot } of dueDigests(now, city.timeZone)) {
        const group = due.get(`${period}|${slot}`) ?? { cityIds: [], period, slot };
        group.cityIds.push(city._id);
        due.set(`${period}|${slot}`, group);
      }
    }
    let count = 0;
    for (const { cityIds, period, slot } of due.values()) count += await this.enqueue(cityIds, period, slot);
    return count;
  }

  /** Every digest of `period` now, whatever the hour (POST /admin/digests/run). */
  async runNow(period: DigestPeriod): Promise<number> {
    const cityIds = (await this.cities.all()).map((c) => c._id);
    return this.enqueue(cityIds, period, `run-${randomUUID()}`);
  }

  private async enqueue(cityIds: string[], period: DigestPeriod, slot: string): Promise<number> {
    const users = await this.queries.execute(new ListMailRecipientsQuery(cityIds, period));
    const jobs: DigestJob[] = users.map((u) => ({ userId: u.userId, period, slot }));
    await this.queue.digests(jobs);
    return jobs.length;
  }
}
