import { TestClock } from '@app/testing';
import { Project, type ProposeProjectInput } from '../project';
import type { ProjectActor } from '../project-policy';

/**
 * Test helpers for the project domain (used by its specs; handler specs may reuse them).
 * City ids are the seed cities' names in lower case, to keep assertions readable.
 */
export const SEVILLA = 'sevilla';
export const LLIRIA = 'lliria';
export const VALENCIA = 'valencia';
export const BILBAO = 'bilbao';

export const cityUser = (cityId: string): ProjectActor => ({ cityId, role: 'city' });
export const admin: ProjectActor = { cityId: null, role: 'admin' };
export const lead = cityUser(SEVILLA);

/** The shared helpers of aggregate specs, beside this domain's. */
export { refused, TestClock } from '@app/testing';

export const proposal = (overrides: Partial<ProposeProjectInput> = {}): ProposeProjectInput => ({
  id: 'p-1',
  title: 'Ritmos compartidos',
  summary: 'A year of joint concerts and residencies between music cities',
  fields: ['music'],
  actionAreas: ['professional-exchange'],
  sectors: ['public', 'civil-society'],
  sdgs: [11, 4],
  startDate: '2025-03-01',
  endDate: '2025-12-31',
  ...overrides,
});

/** As the repository would hand it back after saving: restored, at the next version, no pending events. */
export function saved(project: Project, clock: TestClock): Project {
  return Project.restore({ ...project.toSnapshot(), version: project.version + 1 }, clock.now);
}

/** A proposed project led by Sevilla, saved once (version 1). */
export function proposedProject(clock: TestClock, overrides: Partial<ProposeProjectInput> = {}): Project {
  return saved(Project.propose(proposal(overrides), lead, clock.now), clock);
}

/** Sevilla's project with the given cities accepted as partners (invited, then accepted). */
export function projectWithPartners(clock: TestClock, partners: string[]): Project {
  const project = proposedProject(clock);
  for (const city of partners) {
    project.invite(city, null, lead);
    project.acceptInvitation(city, cityUser(city));
  }
  return saved(project, clock);
}

export function activeProject(clock: TestClock, partners: string[] = [LLIRIA]): Project {
  const project = projectWithPartners(clock, partners);
  project.start(lead);
  return saved(project, clock);
}
