import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';
import type { EmailFrequency } from '../../domain/notification-types';
import type { PreferencesView } from '../../preferences-view';

export class UpdatePreferencesCommand extends Command<PreferencesView> {
  constructor(
    readonly user: AuthUser,
    readonly email: EmailFrequency,
    readonly mutedTypes: string[],
    readonly version?: number,
  ) {
    super();
  }
}
