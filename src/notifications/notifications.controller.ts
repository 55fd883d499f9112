import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/contracts';
import { Authenticated, CurrentUser } from '../common/http/auth.decorators';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageOf, pageRequest, type Page } from '../shared/pagination';
import { MarkAllReadCommand } from './commands/mark-all-read/mark-all-read.command';
import { MarkReadCommand } from './commands/mark-read/mark-read.command';
import { UpdatePreferencesCommand } from './commands/update-preferences/update-preferences.command';
import { UpdatePreferencesDto } from './commands/update-preferences/update-preferences.dto';
import { CountUnreadQuery } from './queries/count-unread/count-unread.query';
import { GetPreferencesQuery } from './queries/get-preferences/get-preferences.query';
import { ListNotificationsDto } from './queries/list-notifications/list-notifications.dto';
import { ListNotificationsQuery } from './queries/list-notifications/list-notifications.query';
import { ReadAllView, UnreadCountView } from './inbox-counts-view';
import { NotificationView } from './notification-view';
import { PreferencesView } from './preferences-view';

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
  @ApiOperation({ summary: "The inbox of the caller's city, newest first (empty for a user without a city)" })
  @ApiOkResponse({ type: PageOf(NotificationView) })
  @ApiProblems(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsDto): Promise<Page<NotificationView>> {
    return this.queries.execute(new ListNotificationsQuery(user, query.unread === true, pageRequest(query)));
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many items of the caller's city's inbox are not read yet" })
  @ApiOkResponse({ type: UnreadCountView })
  @ApiProblems(401)
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountView> {
    return this.queries.execute(new CountUnreadQuery(user));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark every item of the caller's city's inbox read" })
  @ApiOkResponse({ type: ReadAllView, description: 'How many items were unread' })
  @ApiProblems(401)
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllView> {
    return this.commands.execute(new MarkAllReadCommand(user));
  }

  @Get('preferences')
  @ApiOperation({
    summary: "The signed-in user's e-mail cadence and its city's muted types (version 0: the city's defaults, until it saves its own)",
  })
  @ApiOkResponse({ type: PreferencesView })
  @ApiProblems(401)
  preferences(@CurrentUser() user: AuthUser): Promise<PreferencesView> {
    return this.queries.execute(new GetPreferencesQuery(user));
  }

  @Put('preferences')
  @ApiOperation({ summary: "Save the signed-in user's e-mail cadence and its city's muted types (a user of a city)" })
  @ApiOkResponse({ type: PreferencesView, description: 'As saved, with the new version' })
  @ApiProblems(400, 401, 403, 409)
  updatePreferences(@CurrentUser() user: AuthUser, @Body() body: UpdatePreferencesDto): Promise<PreferencesView> {
    return this.commands.execute(new UpdatePreferencesCommand(user, body.email, body.mutedTypes, body.version));
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark one item of the caller's city's inbox read" })
  @ApiOkResponse({ type: NotificationView, description: 'The item, with its `readAt`' })
  @ApiProblems(401, 404)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<NotificationView> {
    return this.commands.execute(new MarkReadCommand(user, id));
  }
}
