import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { BootstrapAdmin, BootstrapAdminResult } from './bootstrap/bootstrap-admin';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { LoginHandler } from './commands/login/login.handler';
import { AuthGuard } from './guards/auth.guard';
import { resolveJwtSecret } from './jwt-secret';
import { PasswordHasher } from './password-hasher';
import { UserDirectoryModule } from './directory/user-directory.module';
import { VerifyAccessTokenHandler } from './queries/verify-token/verify-access-token.handler';
import { accountLoginLimiterProvider, loginThrottlerModule } from './throttling/login-throttling.providers';
import { TokenService } from './token.service';

@Module({
  imports: [
    UserDirectoryModule,
    JwtModule.registerAsync({
      inject: [AppConfig, getConnectionToken()],
      useFactory: async (config: AppConfig, connection: Connection) => ({
        secret: await resolveJwtSecret(config, connection),
        signOptions: { expiresIn: config.env.JWT_TTL_SECONDS, algorithm: 'HS256' },
      }),
    }),
    loginThrottlerModule,
  ],
  controllers: [AuthController],
  providers: [
    PasswordHasher,
    TokenService,
    LoginHandler,
    accountLoginLimiterProvider,
    CreateUserHandler,
    VerifyAccessTokenHandler,
    BootstrapAdmin,
    BootstrapAdminResult,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [BootstrapAdminResult],
})
export class AuthModule {}
