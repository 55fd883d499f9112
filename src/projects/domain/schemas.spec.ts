import type { z } from 'zod';
import { PROJECT_EVENT_TYPES, type ProjectEventMap } from './events';
import { projectEventSchemas } from './schemas';

// Compile-time: each schema's output is exactly its payload type (not merely assignable to it).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type SchemasMatchPayloads = { [K in keyof ProjectEventMap]: Same<z.infer<(typeof projectEventSchemas)[K]>, ProjectEventMap[K]> };
const schemasMatchPayloads: { [K in keyof ProjectEventMap]: true } = {} as SchemasMatchPayloads;

const base = { projectId: 'p-1', title: 'Ritmos', leadCityId: 'sevilla', acceptedPartnerIds: ['lliria'] };

describe('project event schemas', () => {
  it('exist for every event type, and the type list names each once', () => {
    expect(schemasMatchPayloads).toBeDefined();
    expect([...PROJECT_EVENT_TYPES].sort()).toEqual(Object.keys(projectEventSchemas).sort());
    expect(new Set(PROJECT_EVENT_TYPES).size).toBe(13);
  });

  it('accept a well-formed payload', () => {
    expect(projectEventSchemas.PartnerInvited.parse({ ...base, cityId: 'valencia', message: null })).toEqual({
      ...base,
      cityId: 'valencia',
      message: null,
    });
    expect(() => projectEventSchemas.ProjectUpdated.parse({ ...base, changes: { sdgs: [11], startDate: null, description: null } })).not.toThrow();
  });

  it.each<[string, keyof typeof projectEventSchemas, object]>([
    ['a missing title', 'ProjectStarted', { ...base, title: undefined }],
    ['a blank lead', 'ProjectStarted', { ...base, leadCityId: '' }],
    ['an unknown key', 'ProjectStarted', { ...base, status: 'active' }],
    ['a missing partner city', 'InvitationAccepted', base],
    ['a missing message (null is required instead)', 'JoinRequested', { ...base, cityId: 'valencia' }],
    ['an unknown update kind', 'ProjectUpdatePosted', { ...base, updateId: 'u', text: 'Hi', kind: 'gossip', authorCityId: 'sevilla' }],
    ['an SDG out of range', 'ProjectUpdated', { ...base, changes: { sdgs: [18] } }],
    ['an unknown field in changes', 'ProjectUpdated', { ...base, changes: { status: 'active' } }],
    ['a date-time instead of a date', 'ProjectUpdated', { ...base, changes: { endDate: '2025-03-01T10:00:00Z' } }],
    ['a blank outcome', 'ProjectCompleted', { ...base, outcome: ' ' }],
    ['a finished previous status', 'ProjectCancelled', { ...base, reason: 'x', previousStatus: 'completed' }],
  ])('refuse %s', (_, type, payload) => {
    expect(projectEventSchemas[type].safeParse(payload).success).toBe(false);
  });
});
