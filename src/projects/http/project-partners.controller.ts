import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/events';
import { Ctx } from '../../common/http/auth.decorators';
import { ApiProblems } from '../../common/http/api-problems.decorator';
import { AcceptInvitationCommand } from '../commands/accept-invitation/accept-invitation.command';
import { ApproveJoinRequestCommand } from '../commands/approve-join-request/approve-join-request.command';
import { DeclineInvitationCommand } from '../commands/decline-invitation/decline-invitation.command';
import { InvitePartnerCommand } from '../commands/invite-partner/invite-partner.command';
import { InvitePartnerDto } from '../commands/invite-partner/invite-partner.dto';
import { RejectJoinRequestCommand } from '../commands/reject-join-request/reject-join-request.command';
import { RequestToJoinCommand } from '../commands/request-to-join/request-to-join.command';
import { RequestToJoinDto } from '../commands/request-to-join/request-to-join.dto';
import { WithdrawFromProjectCommand } from '../commands/withdraw-from-project/withdraw-from-project.command';
import { WithdrawFromProjectDto } from '../commands/withdraw-from-project/withdraw-from-project.dto';
import { ProjectView } from '../queries/get-project/project.view';
import { INVITATION_RATE_LIMIT } from '../domain/invitation-rate-limit';
import { InvitationRateLimitInterceptor } from './invitation-rate-limit.interceptor';
import { NoBodyDto } from './no-body.dto';

/** Partnerships: invitations (lead → city), join requests (city → lead), withdrawal. */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects/:id')
export class ProjectPartnersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('invitations')
  @ApiOperation({
    summary: 'Invite a city to be a partner (lead city or an admin)',
    description: `A city may invite another a limited number of times in any ${INVITATION_RATE_LIMIT.windowMs / 3600_000} hours, to any of its projects (INVITATION_LIMIT_PER_PAIR, ${INVITATION_RATE_LIMIT.perPair} by default); beyond, 429 with Retry-After.`,
  })
  @ApiCreatedResponse({ type: ProjectView, description: 'The city is now `invited` (lead only)' })
  @ApiProblems(400, 401, 403, 404, 409, 429)
  @UseInterceptors(InvitationRateLimitInterceptor)
  invite(@Param('id') id: string, @Body() body: InvitePartnerDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new InvitePartnerCommand(id, body, ctx));
  }

  @Post('invitations/:cityId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (the invited city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'The city is now `accepted` (a user of that city)' })
  @ApiProblems(400, 401, 403, 404, 409)
  accept(@Param('id') id: string, @Param('cityId') cityId: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new AcceptInvitationCommand(id, cityId, ctx));
  }

  @Post('invitations/:cityId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline an invitation (the invited city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'The city is now `declined` (a user of that city)' })
  @ApiProblems(400, 401, 403, 404, 409)
  decline(@Param('id') id: string, @Param('cityId') cityId: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new DeclineInvitationCommand(id, cityId, ctx));
  }

  @Post('join-requests')
  @ApiOperation({ summary: 'Ask to join a project as a partner (a city other than the lead, or an admin naming it)' })
  @ApiCreatedResponse({ type: ProjectView, description: 'The caller’s city is now `requested`' })
  @ApiProblems(400, 401, 403, 404, 409)
  requestToJoin(@Param('id') id: string, @Body() body: RequestToJoinDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new RequestToJoinCommand(id, body, ctx));
  }

  @Post('join-requests/:cityId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a city’s request to join (lead city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'The city is now `accepted` (lead only)' })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(@Param('id') id: string, @Param('cityId') cityId: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new ApproveJoinRequestCommand(id, cityId, ctx));
  }

  @Post('join-requests/:cityId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a city’s request to join (lead city or an admin)' })
  @ApiOkResponse({ type: ProjectView, description: 'The city is now `rejected` (lead only)' })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(@Param('id') id: string, @Param('cityId') cityId: string, @Body() _body: NoBodyDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new RejectJoinRequestCommand(id, cityId, ctx));
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a city from a project (an accepted partner, not the lead, or an admin naming it)' })
  @ApiOkResponse({ type: ProjectView, description: 'The caller’s city is now `withdrawn` (an accepted partner, not the lead)' })
  @ApiProblems(400, 401, 403, 404, 409)
  withdraw(@Param('id') id: string, @Body() body: WithdrawFromProjectDto, @Ctx() ctx: CommandContext): Promise<ProjectView> {
    return this.commands.execute(new WithdrawFromProjectCommand(id, body, ctx));
  }
}
