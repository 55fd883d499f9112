import { actingCity, describeActor as who, isPrivileged, type ActorRole } from '../../shared/acting-city';
import { forbidden, ProjectRight } from './project-errors';

/**
 * Who may do what on a project: a small pure policy the aggregate calls first, so a handler cannot
 * forget a check. SPEC §2: a `city` user acts for their own city only; an `admin` may act on any
 * resource (where the lead must act, the admin acts as the lead city); `system` (seeds, imports,
 * scripts) has the admin's rights. Anonymous requests never get here: HTTP answers 401 before.
 */
export { isPrivileged, type ActorRole };

export interface ProjectActor {
  /** The user's city; null for an admin or system actor without one. */
  cityId: string | null;
  role: ActorRole;
}

/** The actor of a `CommandContext` (`@app/events`), structurally, without importing it. */
export function actorFrom(context: { actor: { cityId: string | null }; role: ActorRole }): ProjectActor {
  return { cityId: context.actor.cityId, role: context.role };
}

/** Only the lead city's users, or an admin acting as the lead. */
export function assertLead(actor: ProjectActor, project: { leadCityId: string }, action: string): void {
  if (isPrivileged(actor) || actor.cityId === project.leadCityId) return;
  throw forbidden(ProjectRight.LeadOnly, `Only the lead city (${project.leadCityId}) may ${action}; the request came from ${who(actor)}`);
}

/** The actor speaks for `cityId`: it is their own city, or they are an admin. */
export function assertActsFor(actor: ProjectActor, cityId: string, action: string): void {
  if (isPrivileged(actor) || actor.cityId === cityId) return;
  throw forbidden(ProjectRight.NotYourCity, `Only a user of city ${cityId} may ${action}; the request came from ${who(actor)}`);
}

/**
 * The lead or an accepted partner; returns the city the actor speaks for. An admin speaks for their
 * own city when it is a member of the project, otherwise for the lead.
 */
export function assertPartnerOrLead(
  actor: ProjectActor,
  project: { leadCityId: string; acceptedPartnerIds: readonly string[] },
  action: string,
): string {
  const isMember = (cityId: string | null): cityId is string =>
    cityId !== null && (cityId === project.leadCityId || project.acceptedPartnerIds.includes(cityId));
  if (isMember(actor.cityId)) return actor.cityId;
  if (isPrivileged(actor)) return project.leadCityId;
  throw forbidden(ProjectRight.MembersOnly, `Only the lead city and accepted partners may ${action}; the request came from ${who(actor)}`);
}

/**
 * The lead city of a new project: the proposing user's own city. An admin may name any city (and
 * must, if they have none); a city user naming another city is refused.
 */
export function leadCityFor(actor: ProjectActor, requested?: string | null): string {
  return actingCity(actor, requested, {
    noneNamed: () => forbidden(ProjectRight.LeadCityRequired, 'A project needs a lead city: an admin without a city must name one'),
    noCity: () => forbidden(ProjectRight.LeadCityRequired, 'Only a user of a member city may propose a project'),
    notTheirs: (own, other) => forbidden(ProjectRight.NotYourCity, `A user of city ${own} may not propose a project led by city ${other}`),
  });
}
