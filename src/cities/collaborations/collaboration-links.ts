import type { Collaboration } from '../contracts';

/**
 * The collaborations read model, as pure functions. It keeps one link per project (the lead and
 * the accepted partners, its title) and one per completed exchange (host and requester, the
 * practice's title), each with the seq of the last event it applied. Every event it reads carries
 * the whole link *after* the change (project events name the accepted partners; ExchangeCompleted
 * both cities), so applying an event is a replace guarded by seq, which makes redelivery, replays
 * and out-of-order delivery harmless.
 *
 * Two cities have worked together when both take part in a project now (a partner that withdrew
 * no longer counts on that project), or when one hosted an exchange the other completed.
 */
export interface CollaborationLink {
  kind: 'project' | 'exchange';
  /** The project's or the exchange's id. */
  id: string;
  /** The project's title, or the title of the practice the exchange was about. */
  title: string;
  /** The lead first, then the accepted partners in the order they joined; or host, requester. */
  memberIds: string[];
  /** The event this state comes from; an event with a smaller or equal seq changes nothing. */
  seq: number;
}

/** What the read model needs from a project event (`ProjectEventBase`). */
export interface MembershipEvent {
  seq: number;
  data: { projectId: string; title: string; leadCityId: string; acceptedPartnerIds: readonly string[] };
}

/** What it needs from ExchangeCompleted. */
export interface CompletedExchangeEvent {
  seq: number;
  data: { exchangeId: string; practiceTitle: string; hostCityId: string; requesterCityId: string };
}

export function membershipAfter({ seq, data }: MembershipEvent): CollaborationLink {
  return { kind: 'project', id: data.projectId, title: data.title, memberIds: [...new Set([data.leadCityId, ...data.acceptedPartnerIds])], seq };
}

export function exchangeLink({ seq, data }: CompletedExchangeEvent): CollaborationLink {
  return { kind: 'exchange', id: data.exchangeId, title: data.practiceTitle, memberIds: [data.hostCityId, data.requesterCityId], seq };
}

/** The stored `_id` of a link: a project's id as is (as the model has always stored it), an exchange's prefixed. */
export const linkKey = (link: Pick<CollaborationLink, 'kind' | 'id'>): string => (link.kind === 'project' ? link.id : `exchange:${link.id}`);

export type CityCard = Collaboration['city'];

/**
 * The cities `cityId` works with, each with the shared projects and completed exchanges: most
 * shared first, then by name. Cities missing from `cities` (not registered here) are left out.
 */
export function collaborationsOf(cityId: string, links: readonly CollaborationLink[], cities: ReadonlyMap<string, CityCard>): Collaboration[] {
  const byCity = new Map<string, Collaboration>();
  for (const link of links) {
    if (!link.memberIds.includes(cityId)) continue;
    for (const otherId of link.memberIds) {
      const city = cities.get(otherId);
      if (otherId === cityId || !city) continue;
      const entry = byCity.get(otherId) ?? { city: { ...city }, projects: [], exchanges: [] };
      (link.kind === 'project' ? entry.projects : entry.exchanges).push({ id: link.id, title: link.title });
      byCity.set(otherId, entry);
    }
  }
  const collator = new Intl.Collator('en');
  const byTitle = (a: { id: string; title: string }, b: { id: string; title: string }) =>
    collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
  const shared = (c: Collaboration) => c.projects.length + c.exchanges.length;
  for (const entry of byCity.values()) {
    entry.projects.sort(byTitle);
    entry.exchanges.sort(byTitle);
  }
  return [...byCity.values()].sort((a, b) => shared(b) - shared(a) || collator.compare(a.city.name, b.city.name));
}

/** Other members of the given links, for loading their city cards. */
export function partnerIdsOf(cityId: string, links: readonly CollaborationLink[]): string[] {
  return [...new Set(links.flatMap((m) => m.memberIds))].filter((id) => id !== cityId);
}
