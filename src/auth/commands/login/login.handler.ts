import { UnauthorizedException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { TokenService } from '../../token.service';
import { LoginCommand, LoginResult } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async execute({ email, password }: LoginCommand): Promise<LoginResult> {
    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(password, user?.passwordHash);
    // One message for unknown e-mail and wrong password: no account enumeration.
    if (!user || !valid) throw new UnauthorizedException('The e-mail or password is wrong.');
    const view = { id: user._id, email: user.email, name: user.name, role: user.role, cityId: user.cityId ?? null };
    return { accessToken: await this.tokens.sign(view), user: view };
  }
}
