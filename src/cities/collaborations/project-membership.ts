import type { Collaboration } from '../contracts';

/**
 * The collaborations read model, as pure functions. It keeps, per project, who takes part in it
 * (the lead and the accepted partners), its title and the seq of the last event it applied. Every
 * event it reads (InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated) carries
 * the title and the accepted partners *after* the change, so one event gives the whole membership:
 * applying an event is a replace guarded by seq, which makes redelivery, replays and out-of-order
 * delivery harmless.
 *
 * Two cities have worked together when both take part in a project now; a partner that withdrew
 * is no longer counted on that project.
 */
export interface ProjectMembership {
  projectId: string;
  title: string;
  /** The lead first, then the accepted partners in the order they joined. */
  memberIds: string[];
  /** The event this state comes from; an event with a smaller or equal seq changes nothing. */
  seq: number;
}

/** What the read model needs from a project event (`ProjectEventBase`). */
export interface MembershipEvent {
  seq: number;
  data: { projectId: string; title: string; leadCityId: string; acceptedPartnerIds: readonly string[] };
}

export function membershipAfter({ seq, data }: MembershipEvent): ProjectMembership {
  return {
    projectId: data.projectId,
    title: data.title,
    memberIds: [...new Set([data.leadCityId, ...data.acceptedPartnerIds])],
    seq,
  };
}

export type CityCard = Collaboration['city'];

/**
 * The cities `cityId` works with, each with the shared projects: most shared projects first, then
 * by name. Cities missing from `cities` (not registered here) are left out.
 */
export function collaborationsOf(cityId: string, memberships: readonly ProjectMembership[], cities: ReadonlyMap<string, CityCard>): Collaboration[] {
  const byCity = new Map<string, Collaboration>();
  for (const project of memberships) {
    if (!project.memberIds.includes(cityId)) continue;
    for (const otherId of project.memberIds) {
      const city = cities.get(otherId);
      if (otherId === cityId || !city) continue;
      const entry = byCity.get(otherId) ?? { city: { ...city }, projects: [] };
      entry.projects.push({ id: project.projectId, title: project.title });
      byCity.set(otherId, entry);
    }
  }
  const collator = new Intl.Collator('en');
  for (const entry of byCity.values()) entry.projects.sort((a, b) => collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
  return [...byCity.values()].sort((a, b) => b.projects.length - a.projects.length || collator.compare(a.city.name, b.city.name));
}

/** Other members of the given memberships, for loading their city cards. */
export function partnerIdsOf(cityId: string, memberships: readonly ProjectMembership[]): string[] {
  return [...new Set(memberships.flatMap((m) => m.memberIds))].filter((id) => id !== cityId);
}
