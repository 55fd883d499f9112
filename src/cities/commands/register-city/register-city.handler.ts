import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { toSavedCityView, type CityView } from '../../queries/get-city/city.view';
import { City } from '../../domain/city';
import { cityActorOf } from '../../domain/city-policy';
import { CityRepository } from '../../persistence/city.repository';
import { RegisterCityCommand } from './register-city.command';

@CommandHandler(RegisterCityCommand)
export class RegisterCityHandler implements ICommandHandler<RegisterCityCommand> {
  constructor(private readonly cities: CityRepository) {}

  async execute({ input, ctx }: RegisterCityCommand): Promise<CityView> {
    const city = City.register(randomUUID(), input, cityActorOf(ctx));
    await this.cities.save(city, ctx);
    return toSavedCityView(city.toSnapshot());
  }
}
