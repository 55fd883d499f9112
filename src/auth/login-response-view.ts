import { ApiProperty, PickType } from '@nestjs/swagger';
import type { LoginResult } from './commands/login/login.command';
import { UserView } from './user-view';

/** The user a login answer is for: who the token speaks for (no timestamps, no version). */
export class LoginUserView extends PickType(UserView, ['id', 'email', 'name', 'role', 'cityId', 'language'] as const) {}

/** The answer of `POST /auth/login`. */
export class LoginResponseView implements LoginResult {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ type: LoginUserView }) user!: LoginUserView;
}
