import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { AccountTokenRepository } from './account-tokens/account-token.repository';
import { AccountTokenDocument, AccountTokenSchema } from './account-tokens/account-token.schema';
import { AuthController } from './auth.controller';
import { BootstrapAdmin, BootstrapAdminResult } from './bootstrap/bootstrap-admin';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { ConfirmPasswordResetHandler } from './commands/confirm-password-reset/confirm-password-reset.handler';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { InviteUserHandler } from './commands/invite-user/invite-user.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { UpdateUserHandler } from './commands/update-user/update-user.handler';
import { AuthGuard } from './guards/auth.guard';
import { resolveJwtSecret } from '../config/jwt-secret';
import { PasswordHasher } from './password-hasher';
import { UserDirectoryModule } from './directory/user-directory.module';
import { ListUsersHandler } from './queries/list-users/list-users.handler';
import { VerifyAccessTokenHandler } from './queries/verify-token/verify-access-token.handler';
import { VerifySessionHandler } from './queries/verify-token/verify-session.handler';
import { SessionRepository } from './sessions/session.repository';
import { SessionDocument, SessionSchema } from './sessions/session.schema';
import { SessionsEndedChannel } from './sessions/sessions-ended.channel';
import { Sessions } from './sessions/sessions.service';
import { accountLoginLimiterProvider, loginThrottlerModule } from './throttling/login-throttling.providers';
import { TokenService } from './token.service';
import { UsersController } from './users.controller';

@Module({
  imports: [
    UserDirectoryModule,
    MongooseModule.forFeature([
      { name: SessionDocument.name, schema: SessionSchema },
      { name: AccountTokenDocument.name, schema: AccountTokenSchema },
    ]),
    JwtModule.registerAsync({
      inject: [AppConfig, getConnectionToken()],
      useFactory: async (config: AppConfig, connection: Connection) => ({
        // A KeyObject, made once: given a string, jsonwebtoken tries it as a PEM public key (and
        // throws) before making a secret key of it, on every verification (6% of a write's CPU).
        secret: createSecretKey(Buffer.from(await resolveJwtSecret(config, connection))),
        signOptions: { expiresIn: config.env.JWT_TTL_SECONDS, algorithm: 'HS256' },
      }),
    }),
    loginThrottlerModule,
  ],
  controllers: [AuthController, UsersController],
  providers: [
    PasswordHasher,
    TokenService,
    SessionRepository,
    SessionsEndedChannel,
    Sessions,
    AccountTokenRepository,
    LoginHandler,
    accountLoginLimiterProvider,
    CreateUserHandler,
    InviteUserHandler,
    AcceptInvitationHandler,
    RequestPasswordResetHandler,
    ConfirmPasswordResetHandler,
    ChangePasswordHandler,
    LogoutHandler,
    UpdateUserHandler,
    ListUsersHandler,
    VerifyAccessTokenHandler,
    VerifySessionHandler,
    BootstrapAdmin,
    BootstrapAdminResult,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [BootstrapAdminResult],
})
export class AuthModule {}
