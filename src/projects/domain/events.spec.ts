import * as events from './events';
import {
  InvitationAccepted,
  JoinRequested,
  PartnerInvited,
  PROJECT_EVENT_TYPES,
  PROJECT_EVENTS,
  ProjectCancelled,
  ProjectCompleted,
  ProjectStarted,
  ProjectUpdated,
  ProjectUpdatePosted,
} from './events';

const base = { projectId: 'p-1', title: 'Ritmos', leadCityId: 'sevilla', acceptedPartnerIds: ['lliria'] };

describe('project events', () => {
  it('are listed once each, every exported class under its own type name', () => {
    expect(new Set(PROJECT_EVENT_TYPES).size).toBe(13);
    const isEvent = (entry: [string, unknown]): entry is [string, (typeof PROJECT_EVENTS)[number]] =>
      (PROJECT_EVENTS as readonly unknown[]).includes(entry[1]);
    const exported = Object.entries(events).filter(isEvent);
    expect(exported.map(([name]) => name).sort()).toEqual([...PROJECT_EVENT_TYPES].sort());
    for (const [name, cls] of exported)
      expect({ type: cls.type, aggregateType: cls.aggregateType, name: cls.name }).toEqual({ type: name, aggregateType: 'project', name });
  });

  it('accept a well-formed payload', () => {
    expect(PartnerInvited.schema.parse({ ...base, cityId: 'valencia', message: null })).toEqual({ ...base, cityId: 'valencia', message: null });
    expect(() => ProjectUpdated.schema.parse({ ...base, changes: { sdgs: [11], startDate: null, description: null } })).not.toThrow();
  });

  it.each<[string, { schema: { safeParse(value: unknown): { success: boolean } } }, object]>([
    ['a missing title', ProjectStarted, { ...base, title: undefined }],
    ['a blank lead', ProjectStarted, { ...base, leadCityId: '' }],
    ['an unknown key', ProjectStarted, { ...base, status: 'active' }],
    ['a missing partner city', InvitationAccepted, base],
    ['a missing message (null is required instead)', JoinRequested, { ...base, cityId: 'valencia' }],
    ['an unknown update kind', ProjectUpdatePosted, { ...base, updateId: 'u', text: 'Hi', kind: 'gossip', authorCityId: 'sevilla' }],
    ['an SDG out of range', ProjectUpdated, { ...base, changes: { sdgs: [18] } }],
    ['an unknown field in changes', ProjectUpdated, { ...base, changes: { status: 'active' } }],
    ['a date-time instead of a date', ProjectUpdated, { ...base, changes: { endDate: '2025-03-01T10:00:00Z' } }],
    ['a blank outcome', ProjectCompleted, { ...base, outcome: ' ' }],
    ['a finished previous status', ProjectCancelled, { ...base, reason: 'x', previousStatus: 'completed' }],
  ])('refuse %s', (_, event, payload) => {
    expect(event.schema.safeParse(payload).success).toBe(false);
  });
});
