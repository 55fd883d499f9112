import { CachedRead } from '../../common/cache/cached-read.interceptor';
import { PROJECT_AGGREGATE } from '../domain/events';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import { Ctx } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { PageOf, type Page } from '../../shared/pagination';
import { CancelProjectCommand } from '../commands/cancel-project/cancel-project.command';
import { CancelProjectDto } from '../commands/cancel-project/cancel-project.dto';
import { CompleteProjectCommand } from '../commands/complete-project/complete-project.command';
import { CompleteProjectDto } from '../commands/complete-project/complete-project.dto';
import { ProposeProjectCommand } from '../commands/propose-project/propose-project.command';
import { ProposeProjectDto } from '../commands/propose-project/propose-project.dto';
import { StartProjectCommand } from '../commands/start-project/start-project.command';
import { UpdateProjectCommand } from '../commands/update-project/update-project.command';
import { UpdateProjectDto } from '../commands/update-project/update-project.dto';
import { ProjectView } from '../queries/get-project/project.view';
import { GetProjectQuery } from '../queries/get-project/get-project.query';
import { ListProjectsDto } from '../queries/list-projects/list-projects.dto';
import { ListProjectsQuery } from '../queries/list-projects/list-projects.query';
import { NoBodyDto } from './no-body.dto';

/** Projects and their lifecycle: propose, list, read, edit, start, complete, cancel. */
@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose a project, led by the caller’s city (an admin may name the lead city)' })
  @ApiCreatedResponse({ type: ProjectView, description: 'Proposed, led by the caller’s city' })
  @ApiProblems(400, 401, 403, 409)
  propose(@Body() body: ProposeProjectDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new ProposeProjectCommand(body, ctx));
  }

  @Get()
  @ApiOperation({ summary: 'List projects, filtered by status, creative field, member city, SDG and words of the title or summary (newest first)' })
  @ApiOkResponse({ type: PageOf(ProjectView), description: 'Newest first' })
  @ApiProblems(400)
  @CachedRead(PROJECT_AGGREGATE)
  list(@Query() { page, limit, ...filter }: ListProjectsDto): Promise<Page<ProjectView>> {
    return this.queries.execute(new ListProjectsQuery(filter, { page, limit }));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project, with its partners' })
  @ApiOkResponse({ type: ProjectView })
  @ApiProblems(404)
  @CachedRead(PROJECT_AGGREGATE, 'id')
  get(@Param('id') id: string): Promise<ProjectView> {
    return this.queries.execute(new GetProjectQuery(id));
  }

  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit a project, sending the version read (lead city or an admin; not once it is finished)' })
  @ApiOkResponse({ type: ProjectView })
  @ApiProblems(400, 401, 403, 404, 409)
  update(@Param('id') id: string, @Body() body: UpdateProjectDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new UpdateProjectCommand(id, body, ctx));
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start a proposed project that has an accepted partner (lead city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'Now active' })
  @ApiProblems(400, 401, 403, 404, 409)
  start(@Param('id') id: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new StartProjectCommand(id, ctx));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Complete an active project with its outcome (lead city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'Now completed' })
  @ApiProblems(400, 401, 403, 404, 409)
  complete(@Param('id') id: string, @Body() body: CompleteProjectDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new CompleteProjectCommand(id, body, ctx));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cancel a proposed or active project with a reason (lead city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'Now cancelled' })
  @ApiProblems(400, 401, 403, 404, 409)
  cancel(@Param('id') id: string, @Body() body: CancelProjectDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new CancelProjectCommand(id, body, ctx));
  }
}
