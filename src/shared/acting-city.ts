/**
 * Who acts, and for which city (SPEC §2): a `city` user acts for their own city only; an `admin`
 * may act on any resource and, where a city must act, acts for the city they name; `system`
 * (seeds, scripts) has the admin's rights.
 */
export type ActorRole = 'admin' | 'city' | 'system';

export const isPrivileged = (who: { role: ActorRole | null }): boolean => who.role === 'admin' || who.role === 'system';

/** `a user of city X` or `a user without a city`, for the messages of refusals. */
export const describeActor = (actor: { cityId: string | null }) => (actor.cityId ? `a user of city ${actor.cityId}` : 'a user without a city');

/** The errors a module gives when the actor cannot act for a city (each module keeps its codes and words). */
export interface ActingCityRefusals {
  /** An admin without a city named none. */
  noneNamed(): Error;
  /** A city user without a city. */
  noCity(): Error;
  /** A city user named another city than their own. */
  notTheirs(own: string, named: string): Error;
}

/**
 * The city an act is done for: the actor's own. An admin may name any city (and must, if they have
 * none); a city user naming another city is refused.
 */
export function actingCity(
  actor: { cityId: string | null; role: ActorRole },
  named: string | null | undefined,
  refusals: ActingCityRefusals,
): string {
  if (isPrivileged(actor)) {
    const cityId = named || actor.cityId;
    if (cityId) return cityId;
    throw refusals.noneNamed();
  }
  if (!actor.cityId) throw refusals.noCity();
  if (named && named !== actor.cityId) throw refusals.notTheirs(actor.cityId, named);
  return actor.cityId;
}
