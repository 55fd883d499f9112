import type { components } from '../../api/schema';

export type Project = components['schemas']['ProjectView'];
export type Exchange = components['schemas']['ExchangeView'];

/** Something the user's city must answer, with what it answers on. */
export type Answer =
  | { kind: 'invitation'; key: string; since: string; project: Project; message: string | null }
  | { kind: 'joinRequest'; key: string; since: string; project: Project; cityId: string; message: string | null }
  | { kind: 'hostRequest'; key: string; since: string; exchange: Exchange };

const OPEN = new Set<Project['status']>(['proposed', 'active']);

/**
 * What needs the city's answer, newest first: invitations to open projects it is invited to, join
 * requests to projects it leads, and exchange requests on its practices still waiting.
 */
export function pendingAnswers(projects: Project[], exchanges: Exchange[], cityId: string): Answer[] {
  const answers: Answer[] = [];
  for (const project of projects) {
    if (!OPEN.has(project.status)) continue;
    for (const partner of project.partners) {
      if (partner.status === 'invited' && partner.cityId === cityId)
        answers.push({ kind: 'invitation', key: `inv-${project.id}`, since: partner.since, project, message: partner.message });
      if (partner.status === 'requested' && project.leadCityId === cityId)
        answers.push({
          kind: 'joinRequest',
          key: `join-${project.id}-${partner.cityId}`,
          since: partner.since,
          project,
          cityId: partner.cityId,
          message: partner.message,
        });
    }
  }
  for (const exchange of exchanges) {
    if (exchange.status === 'requested' && exchange.hostCityId === cityId)
      answers.push({ kind: 'hostRequest', key: `exch-${exchange.id}`, since: exchange.createdAt, exchange });
  }
  return answers.sort((a, b) => b.since.localeCompare(a.since));
}

/** The projects the city works on: it leads them or is an accepted partner; the latest change first. */
export function yourProjects(projects: Project[], cityId: string): Project[] {
  return projects
    .filter((p) => p.leadCityId === cityId || p.partners.some((x) => x.cityId === cityId && x.status === 'accepted'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The partner cities taking part (accepted), for the project's line. */
export const acceptedPartners = (project: Project) => project.partners.filter((p) => p.status === 'accepted').map((p) => p.cityId);

/** Replaces one item in a cached page of items (the API answers an action with the item as it now is). */
export function replaceInPage<T extends { id: string }, P extends { items: T[] }>(page: P | undefined, item: T): P | undefined {
  return page && { ...page, items: page.items.map((x) => (x.id === item.id ? item : x)) };
}
