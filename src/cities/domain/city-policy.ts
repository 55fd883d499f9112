import { adminOnly, notYourCity } from './city-errors';

/**
 * Who may do what on a city (SPEC §2): the secretariat (`admin`) registers cities and may change
 * any; a `city` user speaks for their own city only; `system` (seeds, imports) has admin rights.
 */
export interface CityActor {
  role: 'admin' | 'city' | 'system';
  /** The user's city; null for an admin or the system. */
  cityId: string | null;
}

/** The actor of a `CommandContext`, structurally (the domain imports no framework). */
export function cityActorOf(ctx: { actor: { cityId: string | null }; role: CityActor['role'] }): CityActor {
  return { role: ctx.role, cityId: ctx.actor.cityId };
}

const isPrivileged = (actor: CityActor) => actor.role === 'admin' || actor.role === 'system';

export function assertMayRegister(actor: CityActor): void {
  if (!isPrivileged(actor)) throw adminOnly('register a city');
}

export function assertMayEditProfile(actor: CityActor, cityId: string): void {
  if (isPrivileged(actor) || actor.cityId === cityId) return;
  throw notYourCity(cityId, actor.cityId);
}
