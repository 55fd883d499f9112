import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, NotFoundError } from '@app/domain';
import { SetEmailCadenceCommand } from '../../../auth/contracts';
import { PreferencesRepository } from '../../persistence/preferences.repository';
import { toPreferencesView, type PreferencesView } from '../../preferences-view';
import { UpdatePreferencesCommand } from './update-preferences.command';

/**
 * Saves the city's muted types (with the city document's `version` check) and then the user's own
 * e-mail cadence. A stale version changes neither: the 409 comes before the cadence is written.
 */
@CommandHandler(UpdatePreferencesCommand)
export class UpdatePreferencesHandler implements ICommandHandler<UpdatePreferencesCommand> {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly commands: CommandBus,
  ) {}

  async execute({ user, email, mutedTypes, version }: UpdatePreferencesCommand): Promise<PreferencesView> {
    if (!user.cityId) throw new ForbiddenError('notifications.no-city', 'Notification preferences belong to a city; this user has none.');
    const saved = await this.preferences.save(user.cityId, { mutedTypes: [...new Set(mutedTypes)] }, version);
    if (!saved) throw new ConflictError('notifications.stale-version', `The preferences changed since version ${version}; reload and retry.`);
    if (!(await this.commands.execute(new SetEmailCadenceCommand(user.id, email)))) throw new NotFoundError('user', user.id);
    return toPreferencesView(saved, email);
  }
}
