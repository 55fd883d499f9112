import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../common/http/auth.decorators';
import { ApiProblems } from '../common/http/api-problems.decorator';
import type { AuthUser } from '../shared/auth-user';
import { PageOf, type Page } from '../shared/pagination';
import { InvitationView } from './commands/invite-user/invitation.view';
import { InviteUserCommand } from './commands/invite-user/invite-user.command';
import { InviteUserDto } from './commands/invite-user/invite-user.dto';
import { UpdateUserCommand } from './commands/update-user/update-user.command';
import { UpdateUserDto } from './commands/update-user/update-user.dto';
import { ListUsersDto } from './queries/list-users/list-users.dto';
import { ListUsersQuery } from './queries/list-users/list-users.query';
import { UserView } from './user-view';

/** Users: invitations, the list, and changes of name, language and the disabled flag (SPEC §3 Accounts). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('invitations')
  @Authenticated()
  @ApiOperation({ summary: 'Invite someone by e-mail (admin: anyone; a city user: users of its own city); the link works once, for 7 days' })
  @ApiCreatedResponse({ type: InvitationView, description: 'The e-mail with the link is on its way' })
  @ApiProblems(400, 401, 403, 409)
  invite(@Body() body: InviteUserDto, @CurrentUser() user: AuthUser): Promise<InvitationView> {
    return this.commands.execute(new InviteUserCommand(body, user));
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List users by e-mail (admin: all; a city user: those of its city)' })
  @ApiOkResponse({ type: PageOf(UserView) })
  @ApiProblems(400, 401)
  list(@Query() { page, limit }: ListUsersDto, @CurrentUser() user: AuthUser): Promise<Page<UserView>> {
    return this.queries.execute(new ListUsersQuery(user, { page, limit }));
  }

  @Patch(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Change a user (admin: name, language, disabled; the user itself: its name and language)' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentUser() user: AuthUser): Promise<UserView> {
    return this.commands.execute(new UpdateUserCommand(id, body, user));
  }
}
