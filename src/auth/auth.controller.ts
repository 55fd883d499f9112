import { Body, Controller, Get, HttpCode, NotFoundException, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../common/http/api-problems.decorator';
import type { AuthUser } from '../shared/auth-user';
import { CreateUserCommand } from './commands/create-user/create-user.command';
import { CreateUserDto } from './commands/create-user/create-user.dto';
import { LoginCommand } from './commands/login/login.command';
import { LoginDto } from './commands/login/login.dto';
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
