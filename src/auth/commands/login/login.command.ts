import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user-view';

export interface LoginResult {
  accessToken: string;
  user: Pick<UserView, 'id' | 'email' | 'name' | 'role' | 'cityId'>;
}

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
