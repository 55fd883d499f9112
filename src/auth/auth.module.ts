import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { BootstrapAdmin, BootstrapAdminResult } from './bootstrap/bootstrap-admin';
import { CreateUserHandler } from './commands/create-user/create-user.handler';
import { LoginHandler } from './commands/login/login.handler';
import { AuthGuard } from './guards/auth.guard';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './persistence/user.repository';
import { UserDocument, UserSchema } from './persistence/user.schema';
import { VerifyAccessTokenHandler } from './queries/verify-token/verify-access-token.handler';
import { TokenService } from './token.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: UserDocument.name, schema: UserSchema }]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.env.JWT_TTL_SECONDS, algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => [
        { name: 'login', ttl: config.env.LOGIN_THROTTLE_TTL_SECONDS * 1000, limit: config.env.LOGIN_THROTTLE_LIMIT },
      ],
    }),
  ],
  controllers: [AuthController],
  providers: [
    UserRepository,
    PasswordHasher,
    TokenService,
    LoginHandler,
    CreateUserHandler,
    VerifyAccessTokenHandler,
    BootstrapAdmin,
    BootstrapAdminResult,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [BootstrapAdminResult],
})
export class AuthModule {}
