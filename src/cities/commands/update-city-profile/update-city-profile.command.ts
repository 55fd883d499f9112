import type { CommandContext } from '@app/events';
import { Command } from '@nestjs/cqrs';
import type { CityView } from '../../queries/get-city/city.view';
import type { CityProfileInput } from '../../domain/city';

/** PATCH /cities/:id (admin, or a user of that city): changes profile fields. */
export class UpdateCityProfileCommand extends Command<CityView> {
  constructor(
    readonly cityId: string,
    readonly input: CityProfileInput,
    /** The version the client read; a stale one is a 409. Undefined: last write wins (retried on a race). */
    readonly expectedVersion: number | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
