import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user-view';
import type { CreateUserDto } from './create-user.dto';

export class CreateUserCommand extends Command<UserView> {
  constructor(readonly input: CreateUserDto) {
    super();
  }
}
