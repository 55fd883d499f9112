import { createTransport, type Transporter } from 'nodemailer';
import type { OutgoingMail } from '../contracts';
import { Mailer } from './mailer';

/** SMTP through nodemailer (a pooled connection: a digest run sends many mails). */
export class SmtpMailer extends Mailer {
  readonly describe: string;
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    const parsed = new URL(url);
    this.describe = `SMTP ${parsed.protocol}//${parsed.host}`;
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
  }

  async send(mail: OutgoingMail, messageId: string): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId,
    });
  }

  override close(): void {
    this.transport.close();
  }
}
