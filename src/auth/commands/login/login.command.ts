import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user-view';

export interface LoginResult {
  accessToken: string;
  /** With the user's language, so a client can speak it at once. */
  user: Pick<UserView, 'id' | 'email' | 'name' | 'role' | 'cityId' | 'language'>;
}

export class LoginCommand extends Command<LoginResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** The client's address (as TRUST_PROXY lets Fastify read it): an address that signed in before is exempt from the account's holds. */
    readonly address: string,
  ) {
    super();
  }
}
