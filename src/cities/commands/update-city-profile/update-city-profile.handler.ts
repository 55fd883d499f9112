import { ConflictError } from '@app/domain';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toCityView, toSavedCityView, type CityView } from '../../queries/get-city/city.view';
import { CityCode } from '../../domain/city-errors';
import { cityActorOf } from '../../domain/city-policy';
import { CityRepository } from '../../persistence/city.repository';
import { UpdateCityProfileCommand } from './update-city-profile.command';

/** Attempts when the client sent no version and a concurrent write moved the city on meanwhile. */
const ATTEMPTS = 3;

@CommandHandler(UpdateCityProfileCommand)
export class UpdateCityProfileHandler implements ICommandHandler<UpdateCityProfileCommand> {
  constructor(private readonly cities: CityRepository) {}

  async execute(command: UpdateCityProfileCommand): Promise<CityView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.apply(command);
      } catch (error) {
        // Without a version the client asked for "last write wins": reload and apply again.
        // With one, a concurrent write is exactly the 409 it asked for.
        const raced = error instanceof ConflictError && error.code === CityCode.StaleVersion;
        if (!raced || command.expectedVersion !== undefined || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async apply({ cityId, input, expectedVersion, ctx }: UpdateCityProfileCommand): Promise<CityView> {
    const city = await this.cities.load(cityId);
    // Nothing changed: no write, no event, same version (a retried PATCH is harmless).
    if (!city.updateProfile(input, cityActorOf(ctx), expectedVersion)) return toCityView(city.toSnapshot());
    await this.cities.save(city, ctx);
    return toSavedCityView(city.toSnapshot());
  }
}
