import { ConflictError, ForbiddenError } from '@app/domain';

/** Stable codes of the city rules (→ 409) and rights (→ 403); they become the problem `type`. */
export const CityCode = {
  /** Another city has the same name (ignoring accents and case) in the same country. */
  Duplicate: 'city.duplicate',
  /** `PATCH` with a `version` other than the stored one. */
  StaleVersion: 'city.stale-version',
  /** Registering cities is the secretariat's job. */
  AdminOnly: 'city.admin-only',
  /** A city user may change their own city's profile only. */
  NotYourCity: 'city.not-your-city',
} as const;

export const duplicateCity = (name: string, country: string) =>
  new ConflictError(CityCode.Duplicate, `A city with the name "${name}" and country ${country} already exists`);

export const staleCityVersion = (expected: number, actual: number) =>
  new ConflictError(
    CityCode.StaleVersion,
    `The city changed since version ${expected} was read (it is now at version ${actual}): reload it and apply the change again`,
  );

export const adminOnly = (action: string) => new ForbiddenError(CityCode.AdminOnly, `Only an admin may ${action}`);

export const notYourCity = (cityId: string, actorCityId: string | null) =>
  new ForbiddenError(
    CityCode.NotYourCity,
    `Only an admin or a user of city ${cityId} may change its profile; the request came from ${actorCityId ? `a user of city ${actorCityId}` : 'a user without a city'}`,
  );
