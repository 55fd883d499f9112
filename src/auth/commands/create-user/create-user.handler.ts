import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { CityExistsQuery } from '../../../cities/contracts';
import { InvalidInputError } from '@app/domain';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { UserView } from '../../user-view';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly queries: QueryBus,
  ) {}

  async execute({ input }: CreateUserCommand): Promise<UserView> {
    // A city user belongs to exactly one existing city; an admin to none (SPEC §2).
    if (input.role === 'city') {
      if (!input.cityId) throw new InvalidInputError('cityId', 'cityId is required for a city user');
      if (!(await this.queries.execute(new CityExistsQuery(input.cityId)))) {
        throw new InvalidInputError('cityId', `city ${input.cityId} does not exist`);
      }
    } else if (input.cityId) {
      throw new InvalidInputError('cityId', 'an admin does not belong to a city');
    }
    const created = await this.users.create({
      email: input.email,
      passwordHash: await this.hasher.hash(input.password),
      name: input.name,
      role: input.role,
      cityId: input.role === 'city' ? input.cityId! : null,
    });
    return UserView.of(created);
  }
}
