import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/contracts';
import { Authenticated, CurrentUser } from '../common/http/auth.decorators';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { pageRequest } from '../shared/pagination';
import { MarkAllReadCommand } from './commands/mark-all-read/mark-all-read.command';
import { MarkReadCommand } from './commands/mark-read/mark-read.command';
import { UpdatePreferencesCommand } from './commands/update-preferences/update-preferences.command';
import { UpdatePreferencesDto } from './commands/update-preferences/update-preferences.dto';
import { CountUnreadQuery } from './queries/count-unread/count-unread.query';
import { GetPreferencesQuery } from './queries/get-preferences/get-preferences.query';
import { ListNotificationsDto } from './queries/list-notifications/list-notifications.dto';
import { ListNotificationsQuery } from './queries/list-notifications/list-notifications.query';

/** The inbox of the caller's city (SPEC §3 Notifications). */
@ApiTags('notifications')
@ApiBearerAuth()
@Authenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsDto) {
    return this.queries.execute(new ListNotificationsQuery(user, query.unread === true, pageRequest(query)));
  }

  @Get('unread-count')
  @ApiProblems(401)
  unreadCount(@CurrentUser() user: AuthUser) {
    return this.queries.execute(new CountUnreadQuery(user));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiProblems(401)
  readAll(@CurrentUser() user: AuthUser) {
    return this.commands.execute(new MarkAllReadCommand(user));
  }

  @Get('preferences')
  @ApiProblems(401)
  preferences(@CurrentUser() user: AuthUser) {
    return this.queries.execute(new GetPreferencesQuery(user));
  }

  @Put('preferences')
  @ApiProblems(400, 401, 403, 409)
  updatePreferences(@CurrentUser() user: AuthUser, @Body() body: UpdatePreferencesDto) {
    return this.commands.execute(new UpdatePreferencesCommand(user, body.email, body.mutedTypes, body.version));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiProblems(401, 404)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.commands.execute(new MarkReadCommand(user, id));
  }
}
