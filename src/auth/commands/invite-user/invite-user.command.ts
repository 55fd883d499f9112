import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';
import type { InvitationView } from './invitation.view';
import type { InviteUserDto } from './invite-user.dto';

export class InviteUserCommand extends Command<InvitationView> {
  constructor(
    readonly input: InviteUserDto,
    readonly inviter: AuthUser,
  ) {
    super();
  }
}
