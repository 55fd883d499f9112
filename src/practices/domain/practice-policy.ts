import { actingCity, describeActor, isPrivileged, type ActorRole } from '../../shared/acting-city';
import { practiceForbidden, PracticeRight } from './practice-errors';
import type { PracticeStatus } from './practice-state';

/**
 * Who may see and do what (SPEC §2). A `city` user acts for their own city only; an `admin` may act
 * on any resource and, where a city must act, acts for the city they name; `system` (seeds,
 * scripts) has the admin's rights. Anonymous writes never get here: HTTP answers 401 before.
 */
export { describeActor, isPrivileged, type ActorRole };

export interface PracticeActor {
  userId: string | null;
  /** The user's city; null for an admin or system actor without one. */
  cityId: string | null;
  role: ActorRole;
}

/** Who reads: an actor, or anonymous (`role: null`). */
export interface PracticeViewer {
  userId: string | null;
  cityId: string | null;
  role: ActorRole | null;
}

export const ANONYMOUS: PracticeViewer = { userId: null, cityId: null, role: null };

/** The actor of a `CommandContext` (`@app/events`), structurally, without importing it. */
export function actorFrom(context: { actor: { userId: string | null; cityId: string | null }; role: ActorRole }): PracticeActor {
  return { userId: context.actor.userId, cityId: context.actor.cityId, role: context.role };
}

/** A moderated item (practice or comment): who wrote it, whether it is hidden. */
export interface Moderated {
  status: PracticeStatus;
  authorCityId: string | null;
}

/**
 * A hidden item disappears for everyone but admins and its author city, which sees it with the
 * reason (SPEC §3 Moderation). Published items are public, anonymous readers included.
 */
export function canSee(viewer: PracticeViewer, item: Moderated): boolean {
  if (item.status === 'published' || isPrivileged(viewer)) return true;
  return viewer.cityId !== null && viewer.cityId === item.authorCityId;
}

/** Only the author city's users, or an admin. */
export function assertAuthor(actor: PracticeActor, practice: { authorCityId: string }, action: string): void {
  if (isPrivileged(actor) || actor.cityId === practice.authorCityId) return;
  throw practiceForbidden(
    PracticeRight.AuthorOnly,
    `Only the author city (${practice.authorCityId}) may ${action}; the request came from ${describeActor(actor)}`,
  );
}

export function assertModerator(actor: PracticeActor, action: string): void {
  if (isPrivileged(actor)) return;
  throw practiceForbidden(PracticeRight.AdminsOnly, `Only admins may ${action}; the request came from ${describeActor(actor)}`);
}

/**
 * The city an act is done for: the actor's own. An admin may name any city (and must, if they have
 * none); a city user naming another city is refused.
 */
export function cityActingFor(actor: PracticeActor, named: string | null | undefined, action: string): string {
  return actingCity(actor, named, {
    noneNamed: () => practiceForbidden(PracticeRight.CityRequired, `To ${action}, an admin without a city must name the city it acts for`),
    noCity: () => practiceForbidden(PracticeRight.CityRequired, `Only a user of a member city may ${action}`),
    notTheirs: (own, other) => practiceForbidden(PracticeRight.NotYourCity, `A user of city ${own} may not ${action} for city ${other}`),
  });
}
