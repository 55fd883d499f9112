import type { ProjectEventMap } from '../../projects/contracts';
import { NOTIFIED_TYPES } from './notification-types';
import { recipientsOf, RECIPIENT_RULES } from './recipients';
import { projectEvent } from './testing/project-event';

const cityIds = <K extends keyof ProjectEventMap>(...args: Parameters<typeof projectEvent<K>>) => {
  const r = recipientsOf(projectEvent(...args));
  if (r.kind !== 'cities') throw new Error('expected explicit cities');
  return r.cityIds;
};

describe('recipients of project events (SPEC §4)', () => {
  it('makes the types with a rule, and only those, the ones a city may mute', () => {
    expect([...NOTIFIED_TYPES].sort()).toEqual(Object.keys(RECIPIENT_RULES).sort());
    expect(NOTIFIED_TYPES).toHaveLength(21); // SPEC §4: 11 project types, 5 practice and moderation types, 5 exchange types
    expect(NOTIFIED_TYPES).not.toContain('ProjectProposed');
  });

  it('PartnerInvited → the invited city', () => {
    expect(cityIds('PartnerInvited', { cityId: 'bilbao', message: null, acceptedPartnerIds: [] })).toEqual(['bilbao']);
  });

  it('InvitationAccepted → the lead and every accepted partner, not the city that accepted', () => {
    expect(cityIds('InvitationAccepted', { cityId: 'valencia' })).toEqual(['sevilla', 'liria']);
  });

  it('InvitationDeclined → the lead only', () => {
    expect(cityIds('InvitationDeclined', { cityId: 'bilbao' })).toEqual(['sevilla']);
  });

  it('JoinRequested → the lead', () => {
    expect(cityIds('JoinRequested', { cityId: 'bilbao', message: 'Hello' })).toEqual(['sevilla']);
  });

  it.each(['JoinRequestApproved', 'JoinRequestRejected'] as const)('%s → the requesting city', (type) => {
    expect(cityIds(type, { cityId: 'bilbao' })).toEqual(['bilbao']);
  });

  it('PartnerWithdrew → the lead and the remaining accepted partners', () => {
    expect(cityIds('PartnerWithdrew', { cityId: 'bilbao' })).toEqual(['sevilla', 'liria', 'valencia']);
    // Even if a payload still listed the leaving city, it is not told of its own withdrawal.
    expect(cityIds('PartnerWithdrew', { cityId: 'liria' })).toEqual(['sevilla', 'valencia']);
  });

  it("ProjectUpdatePosted → lead and accepted partners, not the author's city", () => {
    const update = { updateId: 'u1', text: 'Hi', kind: 'news' } as const;
    expect(cityIds('ProjectUpdatePosted', { ...update, authorCityId: 'sevilla' })).toEqual(['liria', 'valencia']);
    expect(cityIds('ProjectUpdatePosted', { ...update, authorCityId: 'liria' })).toEqual(['sevilla', 'valencia']);
  });

  it('ProjectStarted / ProjectCompleted / ProjectCancelled → every accepted partner', () => {
    expect(cityIds('ProjectStarted', {})).toEqual(['liria', 'valencia']);
    expect(cityIds('ProjectCompleted', { outcome: 'Great' })).toEqual(['liria', 'valencia']);
    expect(cityIds('ProjectCancelled', { reason: 'No funds', previousStatus: 'active' })).toEqual(['liria', 'valencia']);
    expect(cityIds('ProjectStarted', { acceptedPartnerIds: [] })).toEqual([]);
  });

  it('never lists a city twice', () => {
    expect(cityIds('ProjectStarted', { acceptedPartnerIds: ['liria', 'liria'] })).toEqual(['liria']);
  });

  it('notifies nobody of a type without a rule', () => {
    const changes = { summary: 'New' };
    expect(cityIds('ProjectUpdated', { changes })).toEqual([]);
    // A type no producer declares (only possible at run time) is no rule either, not even an inherited key.
    for (const type of ['SomethingElse', 'toString']) {
      expect(recipientsOf({ ...projectEvent('ProjectUpdated', { changes }), type } as never)).toEqual({ kind: 'cities', cityIds: [] });
    }
  });
});
