import type { CommandContext } from '@app/events';
import { Command } from '@nestjs/cqrs';
import type { CityView } from '../../queries/get-city/city.view';
import type { CityRegistration } from '../../domain/city-registration';

/** POST /cities (admin): registers a member city; 409 if its name and country are taken. */
export class RegisterCityCommand extends Command<CityView> {
  constructor(
    readonly input: CityRegistration,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
