import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';
import type { UserView } from '../../user-view';
import type { UpdateUserDto } from './update-user.dto';

export class UpdateUserCommand extends Command<UserView> {
  constructor(
    readonly id: string,
    readonly input: UpdateUserDto,
    readonly actor: AuthUser,
  ) {
    super();
  }
}
