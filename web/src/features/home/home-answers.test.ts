import { describe, expect, it } from 'vitest';
import { pendingAnswers, replaceInPage, yourProjects, type Exchange, type Project } from './home-answers';

const project = (over: Partial<Project>): Project => ({
  id: 'p1',
  title: 'Guitars',
  summary: '',
  description: null,
  status: 'proposed',
  leadCityId: 'sevilla',
  partners: [],
  fields: ['music'],
  sdgs: [],
  actionAreas: [],
  sectors: [],
  startDate: null,
  endDate: null,
  outcome: null,
  cancelReason: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...over,
});
const partner = (cityId: string, status: Project['partners'][number]['status'], since = '2026-01-02T00:00:00Z') => ({
  cityId,
  status,
  since,
  message: null,
});
const exchange = (over: Partial<Exchange>): Exchange =>
  ({ id: 'e1', status: 'requested', hostCityId: 'lliria', requesterCityId: 'valencia', createdAt: '2026-01-03T00:00:00Z', ...over }) as Exchange;

describe('pendingAnswers: what needs the city’s answer', () => {
  it('finds its invitations, the join requests to projects it leads and exchange requests it hosts, newest first', () => {
    const invited = project({ id: 'p1', partners: [partner('lliria', 'invited', '2026-01-02T00:00:00Z')] });
    const led = project({
      id: 'p2',
      leadCityId: 'lliria',
      partners: [partner('bilbao', 'requested', '2026-01-04T00:00:00Z'), partner('x', 'accepted')],
    });
    const answers = pendingAnswers([invited, led], [exchange({})], 'lliria');
    expect(answers.map((a) => a.key)).toEqual(['join-p2-bilbao', 'exch-e1', 'inv-p1']);
  });
  it('leaves out what is not the city’s to answer or no longer open', () => {
    const othersInvite = project({ partners: [partner('bilbao', 'invited')] });
    const notLead = project({ id: 'p2', partners: [partner('bilbao', 'requested'), partner('lliria', 'accepted')] });
    const finished = project({ id: 'p3', status: 'completed', partners: [partner('lliria', 'invited')] });
    const exchanges = [exchange({ status: 'accepted' }), exchange({ id: 'e2', hostCityId: 'valencia', requesterCityId: 'lliria' })];
    expect(pendingAnswers([othersInvite, notLead, finished], exchanges, 'lliria')).toEqual([]);
  });
});

describe('yourProjects', () => {
  it('keeps the projects the city leads or has joined, latest change first', () => {
    const led = project({ id: 'a', leadCityId: 'lliria', updatedAt: '2026-01-01T00:00:00Z' });
    const joined = project({ id: 'b', partners: [partner('lliria', 'accepted')], updatedAt: '2026-02-01T00:00:00Z' });
    const invited = project({ id: 'c', partners: [partner('lliria', 'invited')] });
    expect(yourProjects([led, joined, invited], 'lliria').map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('replaceInPage', () => {
  it('puts the answered item in place of the cached one', () => {
    const page = {
      items: [
        { id: 'a', v: 1 },
        { id: 'b', v: 1 },
      ],
      total: 2,
    };
    expect(replaceInPage(page, { id: 'b', v: 2 })?.items).toEqual([
      { id: 'a', v: 1 },
      { id: 'b', v: 2 },
    ]);
    expect(replaceInPage(undefined, { id: 'b', v: 2 })).toBeUndefined();
  });
});
