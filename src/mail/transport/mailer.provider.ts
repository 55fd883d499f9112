import type { Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DevMailboxRepository } from '../persistence/dev-mailbox.repository';
import { DevMailboxMailer } from './dev-mailbox-mailer';
import { Mailer } from './mailer';
import { SmtpMailer } from './smtp-mailer';

/** SMTP when SMTP_URL is set, else the development mailbox (refused in production by the settings). */
export const mailerProvider: Provider = {
  provide: Mailer,
  inject: [AppConfig, DevMailboxRepository],
  useFactory: (config: AppConfig, mailbox: DevMailboxRepository): Mailer =>
    config.env.SMTP_URL ? new SmtpMailer(config.env.SMTP_URL, config.env.MAIL_FROM) : new DevMailboxMailer(mailbox, config.env.MAIL_FROM),
};
