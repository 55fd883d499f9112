import { describe, expect, it } from 'vitest';
import { viewerRights, type Partner, type Project } from './project-rights';

const partner = (cityId: string, status: Partner['status']): Partner => ({ cityId, status, message: null, since: '2026-01-01T00:00:00.000Z' });
const project = (over: Partial<Project> = {}): Project => ({
  id: 'p1',
  title: 'Guitars',
  summary: 's',
  description: null,
  status: 'proposed',
  leadCityId: 'sevilla',
  partners: [],
  fields: ['music'],
  actionAreas: ['pilot-projects'],
  sectors: ['public'],
  sdgs: [11],
  startDate: null,
  endDate: null,
  outcome: null,
  cancelReason: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 0,
  ...over,
});
const city = (cityId: string) => ({ role: 'city' as const, cityId });
const admin = { role: 'admin' as const, cityId: null };

describe('viewerRights: only the actions the API allows this user now', () => {
  it('lead of a proposed project without an accepted partner: invite and cancel, not start', () => {
    const rights = viewerRights(project({ partners: [partner('lliria', 'invited')] }), city('sevilla'));
    expect(rights.project).toEqual(['cancel']);
    expect(rights.canInvite).toBe(true);
    expect(rights.canPostUpdate).toBe(true);
  });

  it('lead: start once a partner accepted; complete only when active; approve or reject requests', () => {
    const proposed = project({ partners: [partner('lliria', 'accepted'), partner('bilbao', 'requested')] });
    const rights = viewerRights(proposed, city('sevilla'));
    expect(rights.project).toEqual(['start', 'cancel']);
    expect(rights.partner(proposed.partners[1])).toEqual(['approve', 'reject']);
    expect(rights.partner(proposed.partners[0])).toEqual([]);
    expect(viewerRights(project({ status: 'active' }), city('sevilla')).project).toEqual(['complete', 'cancel']);
  });

  it('invited city: accept or decline; it may not invite or post', () => {
    const rights = viewerRights(project({ partners: [partner('lliria', 'invited')] }), city('lliria'));
    expect(rights.project).toEqual(['accept', 'decline']);
    expect(rights.canInvite).toBe(false);
    expect(rights.canPostUpdate).toBe(false);
  });

  it('accepted partner: withdraw and post updates; requested: nothing until the lead answers', () => {
    const accepted = viewerRights(project({ partners: [partner('lliria', 'accepted')] }), city('lliria'));
    expect(accepted.project).toEqual(['withdraw']);
    expect(accepted.canPostUpdate).toBe(true);
    expect(viewerRights(project({ partners: [partner('lliria', 'requested')] }), city('lliria')).project).toEqual([]);
  });

  it('another city may ask to join, again after a closed relation (declined, rejected, withdrawn)', () => {
    expect(viewerRights(project(), city('bilbao')).project).toEqual(['askToJoin']);
    for (const status of ['declined', 'rejected', 'withdrawn'] as const)
      expect(viewerRights(project({ partners: [partner('bilbao', status)] }), city('bilbao')).project).toEqual(['askToJoin']);
  });

  it('a finished project offers nothing to anyone', () => {
    for (const status of ['completed', 'cancelled'] as const) {
      const done = project({ status, partners: [partner('lliria', 'invited')] });
      expect(viewerRights(done, city('sevilla')).project).toEqual([]);
      expect(viewerRights(done, city('lliria')).project).toEqual([]);
      expect(viewerRights(done, admin).partner(done.partners[0])).toEqual([]);
      expect(viewerRights(done, city('sevilla')).canPostUpdate).toBe(false);
    }
  });

  it('an admin acts as the lead and may answer or withdraw for a partner city', () => {
    const p = project({ partners: [partner('lliria', 'invited'), partner('bilbao', 'accepted')] });
    const rights = viewerRights(p, admin);
    expect(rights.project).toEqual(['start', 'cancel']);
    expect(rights.partner(p.partners[0])).toEqual(['accept', 'decline']);
    expect(rights.partner(p.partners[1])).toEqual(['withdraw']);
  });

  it('signed out: nothing', () => {
    expect(viewerRights(project(), null).project).toEqual([]);
  });
});
