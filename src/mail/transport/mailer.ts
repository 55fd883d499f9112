import type { OutgoingMail } from '../contracts';

/** The one class that talks to the mail system (ARCHITECTURE rule 4): SMTP, or the development mailbox. */
export abstract class Mailer {
  /** Where mail goes, for the start-up banner and logs (never a password). */
  abstract readonly describe: string;
  /**
   * Hands the mail over; resolves once the server accepted it. Throws when it refused or could not
   * be reached (the job is retried). `messageId` is stable per key, so a mail sent twice by a retry
   * is recognisable as one by its receiver.
   */
  abstract send(mail: OutgoingMail, messageId: string): Promise<void>;
  close(): void | Promise<void> {}

  onModuleDestroy(): void | Promise<void> {
    return this.close();
  }
}
