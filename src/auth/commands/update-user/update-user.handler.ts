import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation } from '@app/domain';
import { UserRepository, type UserChanges } from '../../persistence/user.repository';
import { Sessions } from '../../sessions/sessions.service';
import { UserView } from '../../user-view';
import { UpdateUserCommand } from './update-user.command';

/** SPEC §3: an admin changes any user; a user changes its own name and language. */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: Sessions,
  ) {}

  async execute({ id, input, actor }: UpdateUserCommand): Promise<UserView> {
    const { version, ...changes } = input;
    const own = actor.id === id;
    if (actor.role !== 'admin') {
      if (!own) throw new ForbiddenError('user.update-forbidden', 'A user may change only its own name and language.');
      if (changes.disabled !== undefined) throw new ForbiddenError('user.update-forbidden', 'Only an admin may disable or enable a user.');
    } else if (own && changes.disabled === true) {
      // No admin locks themselves out by mistake; another admin may disable them.
      throw new RuleViolation('user.cannot-disable-self', 'An admin cannot disable their own account.');
    }
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as UserChanges;
    const updated = await this.users.update(id, defined, version);
    if (!updated) {
      if (!(await this.users.findById(id))) throw new NotFoundError('user', id);
      throw new ConflictError('user.stale-version', `The user changed since version ${version}; reload and retry.`);
    }
    // Stored first, then the sessions end: a login racing with this checks `disabled` again once its session is open.
    if (updated.disabled) await this.sessions.endAll(id);
    return UserView.of(updated);
  }
}
