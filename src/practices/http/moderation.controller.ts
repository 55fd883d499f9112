import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import { Ctx, Roles } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, type Page } from '../../shared/pagination';
import { CommentView } from '../queries/list-comments/comment.view';
import { HideCommentCommand } from '../commands/hide-comment/hide-comment.command';
import { HideDto } from '../commands/hide-practice/hide.dto';
import { HidePracticeCommand } from '../commands/hide-practice/hide-practice.command';
import { ReportCommentCommand } from '../commands/report-comment/report-comment.command';
import { ReportDto } from '../commands/report-practice/report.dto';
import { ReportPracticeCommand } from '../commands/report-practice/report-practice.command';
import { UnhideCommentCommand } from '../commands/unhide-comment/unhide-comment.command';
import { UnhidePracticeCommand } from '../commands/unhide-practice/unhide-practice.command';
import { PracticeView } from '../queries/get-practice/practice.view';
import { ListReportsDto } from '../queries/list-reports/list-reports.dto';
import { ListReportsQuery } from '../queries/list-reports/list-reports.query';
import { ReportView } from '../queries/list-reports/report.view';
import { NoBodyDto } from './no-body.dto';

/**
 * Moderation (SPEC §3): users report practices and comments; admins read the reports and hide or
 * unhide. Admin routes are guarded by role, so a city user hears 403 before anything else.
 */
@ApiTags('moderation')
@ApiBearerAuth()
@Controller()
export class ModerationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('practices/:id/reports')
  @ApiOperation({ summary: 'Report a practice to the moderators (once per user)' })
  @ApiCreatedResponse({ type: ReportView, description: 'The report, `open`' })
  @ApiProblems(400, 401, 404, 409)
  reportPractice(@Param('id') id: string, @Body() body: ReportDto, @Ctx() ctx: CommandContext): Promise<ReportView> {
    return this.commands.execute(new ReportPracticeCommand(id, body, ctx));
  }

  @Post('comments/:id/reports')
  @ApiOperation({ summary: 'Report a comment to the moderators (once per user)' })
  @ApiCreatedResponse({ type: ReportView, description: 'The report, `open`' })
  @ApiProblems(400, 401, 404, 409)
  reportComment(@Param('id') id: string, @Body() body: ReportDto, @Ctx() ctx: CommandContext): Promise<ReportView> {
    return this.commands.execute(new ReportCommentCommand(id, body, ctx));
  }

  @Get('reports')
  @Roles('admin')
  @ApiOperation({ summary: 'The moderation queue, oldest first (admins)' })
  @ApiOkResponse({ type: PageOf(ReportView) })
  @ApiProblems(400, 401, 403)
  reports(@Query() { page, limit, status }: ListReportsDto): Promise<Page<ReportView>> {
    return this.queries.execute(new ListReportsQuery(status, { page, limit }));
  }

  @Post('practices/:id/hide')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Hide a practice, resolving its open reports (admins)' })
  @ApiOkResponse({ type: PracticeView, description: 'Now `hidden`, with the reason' })
  @ApiProblems(400, 401, 403, 404, 409)
  hidePractice(@Param('id') id: string, @Body() body: HideDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new HidePracticeCommand(id, body.reason, ctx));
  }

  @Post('practices/:id/unhide')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a hidden practice again (admins)' })
  @ApiOkResponse({ type: PracticeView, description: 'Now `published`' })
  @ApiProblems(400, 401, 403, 404, 409)
  unhidePractice(@Param('id') id: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<PracticeView> {
    return this.commands.execute(new UnhidePracticeCommand(id, ctx));
  }

  @Post('comments/:id/hide')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Hide a comment, resolving its open reports (admins)' })
  @ApiOkResponse({ type: CommentView, description: 'Now `hidden`, with the reason' })
  @ApiProblems(400, 401, 403, 404, 409)
  hideComment(@Param('id') id: string, @Body() body: HideDto, @Ctx() ctx: CommandContext): Promise<CommentView> {
    return this.commands.execute(new HideCommentCommand(id, body.reason, ctx));
  }

  @Post('comments/:id/unhide')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a hidden comment again (admins)' })
  @ApiOkResponse({ type: CommentView, description: 'Now `published`' })
  @ApiProblems(400, 401, 403, 404, 409)
  unhideComment(@Param('id') id: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<CommentView> {
    return this.commands.execute(new UnhideCommentCommand(id, ctx));
  }
}
