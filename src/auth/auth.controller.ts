import { Body, Controller, Get, HttpCode, NotFoundException, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/http/api-problems.decorator';
import type { AuthUser } from '../shared/auth-user';
import { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
import { AcceptInvitationDto } from './commands/accept-invitation/accept-invitation.dto';
import { ChangePasswordCommand } from './commands/change-password/change-password.command';
import { ChangePasswordDto } from './commands/change-password/change-password.dto';
import { ConfirmPasswordResetCommand } from './commands/confirm-password-reset/confirm-password-reset.command';
import { ConfirmPasswordResetDto } from './commands/confirm-password-reset/confirm-password-reset.dto';
import { CreateUserCommand } from './commands/create-user/create-user.command';
import { CreateUserDto } from './commands/create-user/create-user.dto';
import { LoginCommand } from './commands/login/login.command';
import { LoginDto } from './commands/login/login.dto';
import { LogoutCommand } from './commands/logout/logout.command';
import { NoBodyDto, NoQueryDto } from './commands/logout/no-body.dto';
import { RequestPasswordResetCommand } from './commands/request-password-reset/request-password-reset.command';
import { PasswordResetRequestedView, RequestPasswordResetDto } from './commands/request-password-reset/request-password-reset.dto';
import { CurrentSession } from './guards/current-session';
import { Authenticated, CurrentUser, Public, Roles } from '../common/http/auth.decorators';
import { LoginResponseView } from './login-response-view';
import { UserRepository } from './persistence/user.repository';
import { LoginThrottledException } from './throttling/login-throttled.exception';
import { UserView } from './user-view';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly users: UserRepository,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with e-mail and password, for an access token' })
  @ApiOkResponse({ type: LoginResponseView })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponseView> {
    try {
      // request.ip is the socket's address unless TRUST_PROXY names the proxy it came through; none once the socket is gone.
      return await this.commands.execute(new LoginCommand(body.email, body.password, request.ip ?? ''));
    } catch (error) {
      if (error instanceof LoginThrottledException) reply.header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('auth/accept-invitation')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: "Accept an invitation: the e-mailed link's token and a password create the user and sign it in" })
  @ApiOkResponse({ type: LoginResponseView, description: 'As a login' })
  @ApiProblems(400, 409, 429)
  acceptInvitation(@Body() body: AcceptInvitationDto): Promise<LoginResponseView> {
    return this.commands.execute(new AcceptInvitationCommand(body.token, body.password));
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Ask for a password reset link by e-mail (the same answer for every address, known or not)' })
  @ApiAcceptedResponse({ type: PasswordResetRequestedView, description: 'If the address is a user’s, a link valid for one hour is on its way' })
  @ApiProblems(400, 429)
  async requestPasswordReset(@Body() body: RequestPasswordResetDto): Promise<PasswordResetRequestedView> {
    await this.commands.execute(new RequestPasswordResetCommand(body.email));
    return { message: 'If this address belongs to an account, a link to set a new password is on its way. It is valid for one hour.' };
  }

  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: "Set a new password with the reset link's token; every session of the user ends" })
  @ApiNoContentResponse({ description: 'Password set; sign in with it' })
  @ApiProblems(400, 429)
  async confirmPasswordReset(@Body() body: ConfirmPasswordResetDto): Promise<void> {
    await this.commands.execute(new ConfirmPasswordResetCommand(body.token, body.password));
  }

  @Post('auth/password')
  @Authenticated()
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change the signed-in user's password; its other sessions end (this token keeps working)" })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiProblems(400, 401, 429)
  async changePassword(@Body() body: ChangePasswordDto, @CurrentUser() user: AuthUser, @CurrentSession() sessionId: string): Promise<void> {
    await this.commands.execute(new ChangePasswordCommand(user, sessionId, body.currentPassword, body.newPassword));
  }

  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: this token stops working and its live sockets are disconnected' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems(400, 401)
  async logout(
    @Body() _body: NoBodyDto,
    @Query() _query: NoQueryDto,
    @CurrentUser() user: AuthUser,
    @CurrentSession() sessionId: string,
  ): Promise<void> {
    await this.commands.execute(new LogoutCommand(user.id, sessionId));
  }

  @Get('auth/me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  @ApiProblems(401, 404)
  async me(@CurrentUser() user: AuthUser): Promise<UserView> {
    const doc = await this.users.findById(user.id);
    if (!doc) throw new NotFoundException('This user no longer exists.');
    return UserView.of(doc);
  }

  @Post('users')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a user: an admin, or a user of an existing city (admin)' })
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 401, 403, 409)
  createUser(@Body() body: CreateUserDto): Promise<UserView> {
    return this.commands.execute(new CreateUserCommand(body));
  }
}
