import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueuesModule } from '../infra/queues/queues.module';
import { CityZonesReader } from './cities/city-zones.reader';
import { MailProjectionsModule } from './cities/mail-projections.module';
import { DigestProcessor } from './digests/digest.processor';
import { DigestScheduler } from './digests/digest-scheduler';
import { DigestSender } from './digests/digest-sender';
import { DigestsController } from './digests/digests.controller';
import { MailboxController } from './mailbox/mailbox.controller';
import { NotificationMails } from './notifications/notification-mails.consumer';
import { DevMailboxRepository } from './persistence/dev-mailbox.repository';
import { DevMailDocument, DevMailSchema } from './persistence/dev-mailbox.schema';
import { DigestEntryRepository } from './persistence/digest-entry.repository';
import { DigestEntryDocument, DigestEntrySchema } from './persistence/digest-entry.schema';
import { SentMailRepository } from './persistence/sent-mail.repository';
import { SentMailDocument, SentMailSchema } from './persistence/sent-mail.schema';
import { mailQueue } from './queue/mail-jobs';
import { MailQueue } from './queue/mail-queue';
import { MailSender } from './send/mail-sender';
import { SendMailHandler } from './send/send-mail.handler';
import { SendMailProcessor } from './send/send-mail.processor';
import { mailerProvider } from './transport/mailer.provider';
import { FormBodyParser } from './unsubscribe/form-body-parser';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeLinks } from './unsubscribe/unsubscribe-links';

export interface MailOptions {
  /** The HTTP routes and the event consumers (the API process). */
  api: boolean;
  /** The BullMQ processors (wherever workers run). */
  workers: boolean;
}

/**
 * Outgoing e-mail (SPEC §3): account mails (SendMailCommand), notifications by each user's cadence
 * (one at once, or daily/weekly digests at 08:00 local time), one-click unsubscribe, and the
 * development mailbox without SMTP_URL. Users are read through the auth contracts' queries, answered
 * by UserDirectoryModule (imported by AuthModule in the API and by WorkerModule in the worker).
 */
@Module({})
export class MailModule {
  static forRoot({ api, workers }: MailOptions): DynamicModule {
    return {
      module: MailModule,
      imports: [
        QueuesModule.forFeature(mailQueue),
        ...(api ? [MailProjectionsModule] : []),
        MongooseModule.forFeature([
          { name: SentMailDocument.name, schema: SentMailSchema },
          { name: DevMailDocument.name, schema: DevMailSchema },
          { name: DigestEntryDocument.name, schema: DigestEntrySchema },
        ]),
      ],
      controllers: api ? [UnsubscribeController, MailboxController, DigestsController] : [],
      providers: [
        MailQueue,
        DevMailboxRepository,
        DigestEntryRepository,
        SentMailRepository,
        CityZonesReader,
        UnsubscribeLinks,
        DigestScheduler,
        ...(api ? [SendMailHandler, NotificationMails, FormBodyParser] : []),
        ...(workers ? [mailerProvider, MailSender, DigestSender, SendMailProcessor, DigestProcessor] : []),
      ],
    };
  }
}
