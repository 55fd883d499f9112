import type { CommandContext } from '@app/events';
import { ForbiddenError } from '@app/domain';

/**
 * The city a join request or a withdrawal is for: the one named in the body (an admin acting for
 * a city; a city user naming another city is refused by the aggregate), else the caller's own.
 */
export function actingCity(ctx: CommandContext, named: string | undefined, action: string): string {
  const cityId = named ?? ctx.actor.cityId;
  if (!cityId) {
    throw new ForbiddenError('project.city-required', `Only a user of a member city may ${action}; an admin must name the city (cityId) it acts for`);
  }
  return cityId;
}
