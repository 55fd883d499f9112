import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import type { AuthUser } from '../../shared/auth-user';
import { Ctx, CurrentUser } from '../../common/http/auth.decorators';
import { ApiOptionalBearerAuth, ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, type Page } from '../../shared/pagination';
import { SharePracticeCommand } from '../commands/share-practice/share-practice.command';
import { SharePracticeDto } from '../commands/share-practice/share-practice.dto';
import { UpdatePracticeCommand } from '../commands/update-practice/update-practice.command';
import { UpdatePracticeDto } from '../commands/update-practice/update-practice.dto';
import { PracticeView } from '../queries/get-practice/practice.view';
import { GetPracticeTimelineQuery } from '../queries/get-practice-timeline/get-practice-timeline.query';
import { TimelineEntryView } from '../queries/get-practice-timeline/timeline-entry.view';
import { GetPracticeQuery } from '../queries/get-practice/get-practice.query';
import { ListPracticesDto } from '../queries/list-practices/list-practices.dto';
import { ListPracticesQuery } from '../queries/list-practices/list-practices.query';
import { viewerOf } from './viewer';

/** Best practices: share, search and read, edit, and their event timeline. */
@ApiTags('practices')
@Controller('practices')
export class PracticesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Share a practice (author: the caller’s city; an admin names `authorCityId`)' })
  @ApiCreatedResponse({ type: PracticeView, description: 'Published' })
  @ApiProblems(400, 401, 403)
  share(@Body() body: SharePracticeDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new SharePracticeCommand(body, ctx));
  }

  @Get()
  @ApiOperation({ summary: 'List and search practices (hidden ones only for admins and their author city)' })
  @ApiOkResponse({ type: PageOf(PracticeView), description: 'With `q`: best match first (unless `sort` says otherwise); else newest first' })
  @ApiOptionalBearerAuth()
  @ApiProblems(400, 401)
  list(@Query() { page, limit, ...filter }: ListPracticesDto, @CurrentUser() user?: AuthUser): Promise<Page<PracticeView>> {
    return this.queries.execute(new ListPracticesQuery(filter, viewerOf(user), { page, limit }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a practice' })
  @ApiOkResponse({ type: PracticeView })
  @ApiOptionalBearerAuth()
  @ApiProblems(401, 404)
  get(@Param('id') id: string, @CurrentUser() user?: AuthUser): Promise<PracticeView> {
    return this.queries.execute(new GetPracticeQuery(id, viewerOf(user)));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit a practice (author city or admin; `version`, when sent, must be current)' })
  @ApiOkResponse({ type: PracticeView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id') id: string, @Body() body: UpdatePracticeDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new UpdatePracticeCommand(id, body, ctx));
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: 'The practice’s events in order (reports and hidden items only for whom they concern)' })
  @ApiOkResponse({ type: TimelineEntryView, isArray: true })
  @ApiOptionalBearerAuth()
  @ApiProblems(401, 404)
  timeline(@Param('id') id: string, @CurrentUser() user?: AuthUser): Promise<TimelineEntryView[]> {
    return this.queries.execute(new GetPracticeTimelineQuery(id, viewerOf(user)));
  }
}
