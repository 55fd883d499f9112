import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import { Ctx } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, PaginationQuery, type Page } from '../../shared/pagination';
import { PostProjectUpdateCommand } from '../commands/post-project-update/post-project-update.command';
import { PostProjectUpdateDto } from '../commands/post-project-update/post-project-update.dto';
import { ProjectUpdateView } from '../queries/list-project-updates/project-update.view';
import { GetProjectTimelineQuery } from '../queries/get-project-timeline/get-project-timeline.query';
import { TimelineEntryView } from '../queries/get-project-timeline/timeline-entry.view';
import { ListProjectUpdatesQuery } from '../queries/list-project-updates/list-project-updates.query';
import { PartnerSuggestionView } from '../queries/suggest-partners/partner-suggestion.view';
import { SuggestPartnersDto } from '../queries/suggest-partners/suggest-partners.dto';
import { SuggestPartnersQuery } from '../queries/suggest-partners/suggest-partners.query';

/** What happens on a project: posted updates, the event timeline, and partner suggestions. */
@ApiTags('projects')
@Controller('projects/:id')
export class ProjectActivityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('updates')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Post news or a milestone on a project (lead city, an accepted partner or an admin)' })
  @ApiCreatedResponse({ type: ProjectUpdateView, description: 'Posted by the lead or an accepted partner' })
  @ApiProblems(400, 401, 403, 404, 409)
  postUpdate(@Param('id') id: string, @Body() body: PostProjectUpdateDto, @Ctx() ctx: CommandContext): Promise<ProjectUpdateView> {
    return this.commands.execute(new PostProjectUpdateCommand(id, body, ctx));
  }

  @Get('updates')
  @ApiOperation({ summary: 'A project’s posted updates, newest first' })
  @ApiOkResponse({ type: PageOf(ProjectUpdateView), description: 'Newest first' })
  @ApiProblems(400, 404)
  listUpdates(@Param('id') id: string, @Query() { page, limit }: PaginationQuery): Promise<Page<ProjectUpdateView>> {
    return this.queries.execute(new ListProjectUpdatesQuery(id, { page, limit }));
  }

  @Get('timeline')
  @ApiOperation({ summary: 'Every event of a project, in order' })
  @ApiOkResponse({ type: TimelineEntryView, isArray: true, description: 'Every event of the project, in order' })
  @ApiProblems(404)
  timeline(@Param('id') id: string): Promise<TimelineEntryView[]> {
    return this.queries.execute(new GetProjectTimelineQuery(id));
  }

  @Get('partner-suggestions')
  @ApiOperation({ summary: 'Cities suggested as partners for a project, best first' })
  @ApiOkResponse({ type: PartnerSuggestionView, isArray: true, description: 'Best first; never the lead or a current partner' })
  @ApiProblems(400, 404)
  suggestions(@Param('id') id: string, @Query() { limit }: SuggestPartnersDto): Promise<PartnerSuggestionView[]> {
    return this.queries.execute(new SuggestPartnersQuery(id, limit));
  }
}
