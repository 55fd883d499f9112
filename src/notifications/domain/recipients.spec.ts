import { recipientsOf, RECIPIENT_RULES } from './recipients';
import { PROJECT_NOTIFIED_TYPES } from './notification-types';

const base = { projectId: 'p1', title: 'Music for all', leadCityId: 'sevilla', acceptedPartnerIds: ['liria', 'valencia'] };
const event = (type: string, data: object, actorCityId: string | null = null) => ({
  type,
  data: { ...base, ...data },
  actor: { cityId: actorCityId },
});
const cityIds = (type: string, data: object = {}) => {
  const r = recipientsOf(event(type, data));
  if (r.kind !== 'cities') throw new Error('expected explicit cities');
  return r.cityIds;
};

describe('recipients of project events (SPEC §4)', () => {
  it('has a rule for every notified project type', () => {
    expect(Object.keys(RECIPIENT_RULES).sort()).toEqual([...PROJECT_NOTIFIED_TYPES].sort());
  });

  it('PartnerInvited → the invited city', () => {
    expect(cityIds('PartnerInvited', { cityId: 'bilbao', acceptedPartnerIds: [] })).toEqual(['bilbao']);
  });

  it('InvitationAccepted → the lead and every accepted partner, not the city that accepted', () => {
    expect(cityIds('InvitationAccepted', { cityId: 'valencia' })).toEqual(['sevilla', 'liria']);
  });

  it('InvitationDeclined → the lead only', () => {
    expect(cityIds('InvitationDeclined', { cityId: 'bilbao' })).toEqual(['sevilla']);
  });

  it('JoinRequested → the lead', () => {
    expect(cityIds('JoinRequested', { cityId: 'bilbao' })).toEqual(['sevilla']);
  });

  it.each(['JoinRequestApproved', 'JoinRequestRejected'])('%s → the requesting city', (type) => {
    expect(cityIds(type, { cityId: 'bilbao' })).toEqual(['bilbao']);
  });

  it('PartnerWithdrew → the lead and the remaining accepted partners', () => {
    expect(cityIds('PartnerWithdrew', { cityId: 'bilbao' })).toEqual(['sevilla', 'liria', 'valencia']);
    // Even if a payload still listed the leaving city, it is not told of its own withdrawal.
    expect(cityIds('PartnerWithdrew', { cityId: 'liria' })).toEqual(['sevilla', 'valencia']);
  });

  it("ProjectUpdatePosted → lead and accepted partners, not the author's city", () => {
    expect(cityIds('ProjectUpdatePosted', { authorCityId: 'sevilla' })).toEqual(['liria', 'valencia']);
    expect(cityIds('ProjectUpdatePosted', { authorCityId: 'liria' })).toEqual(['sevilla', 'valencia']);
  });

  it.each(['ProjectStarted', 'ProjectCompleted', 'ProjectCancelled'])('%s → every accepted partner', (type) => {
    expect(cityIds(type)).toEqual(['liria', 'valencia']);
    expect(cityIds(type, { acceptedPartnerIds: [] })).toEqual([]);
  });

  it('never lists a city twice', () => {
    expect(cityIds('ProjectStarted', { acceptedPartnerIds: ['liria', 'liria'] })).toEqual(['liria']);
  });

  it.each(['ProjectProposed', 'ProjectUpdated', 'SomethingElse'])('%s notifies nobody', (type) => {
    expect(cityIds(type)).toEqual([]);
  });
});
