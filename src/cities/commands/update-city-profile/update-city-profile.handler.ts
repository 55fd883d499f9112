import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCityView, toSavedCityView, type CityView } from '../../city.view';
import { cityActorOf } from '../../domain/city-policy';
import { CityRepository } from '../../persistence/city.repository';
import { UpdateCityProfileCommand } from './update-city-profile.command';

@CommandHandler(UpdateCityProfileCommand)
export class UpdateCityProfileHandler implements ICommandHandler<UpdateCityProfileCommand> {
  constructor(private readonly cities: CityRepository) {}

  async execute({ cityId, input, expectedVersion, ctx }: UpdateCityProfileCommand): Promise<CityView> {
    const city = await this.cities.load(cityId);
    // Nothing changed: no write, no event, same version (a retried PATCH is harmless).
    if (!city.updateProfile(input, cityActorOf(ctx), expectedVersion)) return toCityView(city.toSnapshot());
    await this.cities.save(city, ctx);
    return toSavedCityView(city.toSnapshot());
  }
}
