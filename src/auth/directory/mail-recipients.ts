import { Command, Query } from '@nestjs/cqrs';
import type { EmailCadence } from '../../shared/email-cadence';
import type { Lang } from '../../shared/reference-data';

/** A user as the mail channel sees them: where to write, in which language, how often. */
export interface MailRecipient {
  userId: string;
  email: string;
  name: string;
  cityId: string | null;
  language: Lang;
  emailCadence: EmailCadence;
}

/** The enabled users of some cities (every cadence, `off` included), sorted by e-mail. */
export class ListMailRecipientsQuery extends Query<MailRecipient[]> {
  constructor(
    readonly cityIds: readonly string[],
    /** Only users with this cadence. */
    readonly cadence?: EmailCadence,
  ) {
    super();
  }
}

/** One enabled user, or null (unknown or disabled). */
export class GetMailRecipientQuery extends Query<MailRecipient | null> {
  constructor(readonly userId: string) {
    super();
  }
}

/** Sets a user's e-mail cadence (the one-click unsubscribe sets `off`); false for an unknown user. */
export class SetEmailCadenceCommand extends Command<boolean> {
  constructor(
    readonly userId: string,
    readonly cadence: EmailCadence,
  ) {
    super();
  }
}
