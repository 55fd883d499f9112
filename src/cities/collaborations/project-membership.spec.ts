import { collaborationsOf, membershipAfter, partnerIdsOf, type CityCard, type ProjectMembership } from './project-membership';

const card = (id: string, name: string): CityCard => ({ id, name, country: 'ES', field: 'music' });
const CITIES = new Map([card('sev', 'Sevilla'), card('bil', 'Bilbao'), card('gra', 'Granada'), card('lli', 'Llíria')].map((c) => [c.id, c]));
const project = (projectId: string, title: string, memberIds: string[], seq = 1): ProjectMembership => ({ projectId, title, memberIds, seq });

describe('the collaborations read model', () => {
  it('takes the whole membership from one event: the lead and the accepted partners after it', () => {
    const data = { projectId: 'p1', title: 'Sound maps', leadCityId: 'sev', acceptedPartnerIds: ['bil', 'sev', 'gra'], cityId: 'gra' };
    expect(membershipAfter({ seq: 7, data })).toEqual({ projectId: 'p1', title: 'Sound maps', memberIds: ['sev', 'bil', 'gra'], seq: 7 });
  });

  it('lists the partners of a city with the shared projects, most shared first, then by name', () => {
    const memberships = [
      project('p1', 'Sound maps', ['sev', 'gra', 'bil']),
      project('p2', 'Archive', ['bil', 'sev']),
      project('p3', 'Not ours', ['gra', 'lli']),
    ];
    expect(collaborationsOf('sev', memberships, CITIES)).toEqual([
      {
        city: card('bil', 'Bilbao'),
        projects: [
          { id: 'p2', title: 'Archive' },
          { id: 'p1', title: 'Sound maps' },
        ],
      },
      { city: card('gra', 'Granada'), projects: [{ id: 'p1', title: 'Sound maps' }] },
    ]);
    expect(collaborationsOf('lli', memberships, CITIES)).toEqual([{ city: card('gra', 'Granada'), projects: [{ id: 'p3', title: 'Not ours' }] }]);
  });

  it('has no collaborator for a project without accepted partners, and skips unknown cities', () => {
    expect(collaborationsOf('sev', [project('p1', 'Alone', ['sev'])], CITIES)).toEqual([]);
    expect(collaborationsOf('sev', [project('p1', 'Ghost', ['sev', 'ghost'])], CITIES)).toEqual([]);
  });

  it('names the other members to load', () => {
    expect(partnerIdsOf('sev', [project('p1', 'a', ['sev', 'bil']), project('p2', 'b', ['gra', 'sev', 'bil'])])).toEqual(['bil', 'gra']);
  });
});
