import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError } from '@app/domain';
import { PreferencesRepository } from '../../persistence/preferences.repository';
import { toPreferencesView, type PreferencesView } from '../../preferences-view';
import { UpdatePreferencesCommand } from './update-preferences.command';

@CommandHandler(UpdatePreferencesCommand)
export class UpdatePreferencesHandler implements ICommandHandler<UpdatePreferencesCommand> {
  constructor(private readonly preferences: PreferencesRepository) {}

  async execute({ user, email, mutedTypes, version }: UpdatePreferencesCommand): Promise<PreferencesView> {
    if (!user.cityId) throw new ForbiddenError('notifications.no-city', 'Notification preferences belong to a city; this user has none.');
    const saved = await this.preferences.save(user.cityId, { email, mutedTypes: [...new Set(mutedTypes)] }, version);
    if (!saved) throw new ConflictError('notifications.stale-version', `The preferences changed since version ${version}; reload and retry.`);
    return toPreferencesView(saved);
  }
}
