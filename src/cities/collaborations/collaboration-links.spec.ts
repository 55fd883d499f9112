import { collaborationsOf, exchangeLink, membershipAfter, partnerIdsOf, type CityCard, type CollaborationLink } from './collaboration-links';

const card = (id: string, name: string): CityCard => ({ id, name, country: 'ES', field: 'music' });
const CITIES = new Map([card('sev', 'Sevilla'), card('bil', 'Bilbao'), card('gra', 'Granada'), card('lli', 'Llíria')].map((c) => [c.id, c]));
const project = (id: string, title: string, memberIds: string[], seq = 1): CollaborationLink => ({ kind: 'project', id, title, memberIds, seq });
const exchange = (id: string, title: string, memberIds: string[], seq = 1): CollaborationLink => ({ kind: 'exchange', id, title, memberIds, seq });

describe('the collaborations read model', () => {
  it('takes the whole membership from one event: the lead and the accepted partners after it', () => {
    const data = { projectId: 'p1', title: 'Sound maps', leadCityId: 'sev', acceptedPartnerIds: ['bil', 'sev', 'gra'], cityId: 'gra' };
    expect(membershipAfter({ seq: 7, data })).toEqual({ kind: 'project', id: 'p1', title: 'Sound maps', memberIds: ['sev', 'bil', 'gra'], seq: 7 });
  });

  it('links the host and the requester of a completed exchange, titled by the practice', () => {
    const data = { exchangeId: 'x1', practiceTitle: 'Design weeks', hostCityId: 'bil', requesterCityId: 'sev' };
    expect(exchangeLink({ seq: 9, data })).toEqual({ kind: 'exchange', id: 'x1', title: 'Design weeks', memberIds: ['bil', 'sev'], seq: 9 });
  });

  it('lists the partners of a city with the shared projects and exchanges, most shared first, then by name', () => {
    const links = [
      project('p1', 'Sound maps', ['sev', 'gra', 'bil']),
      project('p2', 'Archive', ['bil', 'sev']),
      project('p3', 'Not ours', ['gra', 'lli']),
      exchange('x1', 'Design weeks', ['gra', 'sev']),
    ];
    expect(collaborationsOf('sev', links, CITIES)).toEqual([
      {
        city: card('bil', 'Bilbao'),
        projects: [
          { id: 'p2', title: 'Archive' },
          { id: 'p1', title: 'Sound maps' },
        ],
        exchanges: [],
      },
      { city: card('gra', 'Granada'), projects: [{ id: 'p1', title: 'Sound maps' }], exchanges: [{ id: 'x1', title: 'Design weeks' }] },
    ]);
    expect(collaborationsOf('lli', links, CITIES)).toEqual([
      { city: card('gra', 'Granada'), projects: [{ id: 'p3', title: 'Not ours' }], exchanges: [] },
    ]);
  });

  it('has no collaborator for a project without accepted partners, and skips unknown cities', () => {
    expect(collaborationsOf('sev', [project('p1', 'Alone', ['sev'])], CITIES)).toEqual([]);
    expect(collaborationsOf('sev', [project('p1', 'Ghost', ['sev', 'ghost'])], CITIES)).toEqual([]);
  });

  it('names the other members to load', () => {
    expect(partnerIdsOf('sev', [project('p1', 'a', ['sev', 'bil']), exchange('x', 'b', ['gra', 'sev'])])).toEqual(['bil', 'gra']);
  });
});
