import type { OutgoingMail } from '../contracts';
import type { DevMailboxRepository } from '../persistence/dev-mailbox.repository';
import { Mailer } from './mailer';

/** Without SMTP_URL (the embedded default): keeps each mail for admins to read at GET /admin/mailbox. */
export class DevMailboxMailer extends Mailer {
  readonly describe = 'the development mailbox (GET /api/v1/admin/mailbox)';

  constructor(
    private readonly mailbox: DevMailboxRepository,
    private readonly from: string,
  ) {
    super();
  }

  async send(mail: OutgoingMail, messageId: string): Promise<void> {
    await this.mailbox.add({
      messageId,
      from: this.from,
      to: mail.to.toLowerCase(),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers ?? {},
      sentAt: new Date(),
    });
  }
}
