import { ConflictError } from '@app/domain';
import { expectForbidden, expectInvalid, expectRule, onlyPendingEvent, pendingEvents, thrown } from '@app/testing';
import { PROJECT_EVENTS, type ProjectEventType } from './events';
import { Project } from './project';
import { PROJECT_STALE_VERSION, ProjectRight, ProjectRule } from './project-errors';
import type { ProjectActor } from './project-policy';
import type { ProjectSnapshot } from './project-state';
import {
  activeProject,
  admin,
  BILBAO,
  cityUser,
  lead,
  LLIRIA,
  projectWithPartners,
  proposal,
  proposedProject,
  refused,
  saved,
  SEVILLA,
  TestClock,
  VALENCIA,
} from './testing/project-fixtures';

const lliria = cityUser(LLIRIA);
const valencia = cityUser(VALENCIA);
const bilbao = cityUser(BILBAO);

let clock: TestClock;
beforeEach(() => {
  clock = new TestClock();
});

const eventsOf = (project: Project) => pendingEvents(project, PROJECT_EVENTS);
const onlyEvent = (project: Project) => onlyPendingEvent(project, PROJECT_EVENTS);

const base = (acceptedPartnerIds: string[] = []) => ({
  projectId: 'p-1',
  title: 'Ritmos compartidos',
  leadCityId: SEVILLA,
  acceptedPartnerIds,
});

describe('Project.propose', () => {
  it('creates a proposed project led by the caller’s city and records ProjectProposed', () => {
    const project = Project.propose(
      proposal({ title: '  Ritmos compartidos ', fields: ['music', 'music', 'literature'], description: ' Concerts ' }),
      lead,
      clock.now,
    );

    expect(project.toSnapshot()).toEqual<ProjectSnapshot>({
      id: 'p-1',
      title: 'Ritmos compartidos',
      summary: 'A year of joint concerts and residencies between music cities',
      description: 'Concerts',
      fields: ['music', 'literature'],
      actionAreas: ['professional-exchange'],
      sectors: ['public', 'civil-society'],
      sdgs: [11, 4],
      startDate: '2025-03-01',
      endDate: '2025-12-31',
      status: 'proposed',
      leadCityId: SEVILLA,
      partners: [],
      outcome: null,
      cancelReason: null,
      version: 0,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(onlyEvent(project)).toEqual({
      type: 'ProjectProposed',
      data: {
        ...base(),
        summary: 'A year of joint concerts and residencies between music cities',
        description: 'Concerts',
        fields: ['music', 'literature'],
        actionAreas: ['professional-exchange'],
        sectors: ['public', 'civil-society'],
        sdgs: [11, 4],
        startDate: '2025-03-01',
        endDate: '2025-12-31',
      },
    });
  });

  it('says null for absent optional values, in the state as in the event', () => {
    const project = Project.propose(proposal({ description: '   ', startDate: null, endDate: undefined }), lead, clock.now);
    expect(project.toSnapshot()).toMatchObject({ description: null, startDate: null, endDate: null, outcome: null, cancelReason: null });
    expect(onlyEvent(project).data).toMatchObject({ description: null, startDate: null, endDate: null });
  });

  it('keeps the calendar date of a full ISO date-time, and allows a one-day project', () => {
    const project = Project.propose(proposal({ startDate: '2025-06-21T20:00:00+02:00', endDate: '2025-06-21' }), lead, clock.now);
    expect(project.toSnapshot()).toMatchObject({ startDate: '2025-06-21', endDate: '2025-06-21' });
  });

  it('lets an admin propose for a city they name', () => {
    const project = Project.propose(proposal({ leadCityId: VALENCIA }), admin, clock.now);
    expect(project.leadCityId).toBe(VALENCIA);
  });

  it.each<[string, ProjectActor, string | undefined, string]>([
    ['an admin without a city who names none', admin, undefined, ProjectRight.LeadCityRequired],
    ['a city user without a city', { cityId: null, role: 'city' }, undefined, ProjectRight.LeadCityRequired],
    ['a city user naming another lead city', lliria, SEVILLA, ProjectRight.NotYourCity],
  ])('refuses %s (403)', (_, actor, leadCityId, code) => {
    expectForbidden(
      thrown(() => Project.propose(proposal({ leadCityId }), actor, clock.now)),
      code,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['id', { id: ' ' }],
    ['title', { title: '' }],
    ['title', { title: '   ' }],
    ['title', { title: 'x'.repeat(201) }],
    ['summary', { summary: undefined }],
    ['description', { description: 42 }],
    ['fields', { fields: [] }],
    ['fields', { fields: ['music', 'opera'] }],
    ['actionAreas', { actionAreas: [] }],
    ['actionAreas', { actionAreas: ['lobbying'] }],
    ['sectors', { sectors: ['military'] }],
    ['sectors', { sectors: 'public' }],
    ['sdgs', { sdgs: [] }],
    ['sdgs', { sdgs: [0] }],
    ['sdgs', { sdgs: [18] }],
    ['sdgs', { sdgs: [11.5] }],
    ['sdgs', { sdgs: ['11'] }],
    ['startDate', { startDate: '01/03/2025' }],
    ['startDate', { startDate: '2025-02-30' }],
    ['endDate', { endDate: '2025-13-01' }],
    ['endDate', { endDate: '2025-06-01T25:99' }],
    ['endDate', { startDate: '2025-03-01', endDate: '2025-02-28' }],
  ])('refuses an invalid %s (400): %j', (field, overrides) => {
    expectInvalid(
      thrown(() => Project.propose(proposal(overrides as never), lead, clock.now)),
      field,
    );
  });
});

describe('Project.restore / toSnapshot', () => {
  it('round-trips the state and records nothing', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    const again = Project.restore(project.toSnapshot(), clock.now);
    expect(again.toSnapshot()).toEqual(project.toSnapshot());
    expect(again.hasPendingEvents).toBe(false);
    expect(again.version).toBe(project.version);
  });

  it('takes a stored snapshot as is, nulls included', () => {
    const stored: ProjectSnapshot = {
      ...proposedProject(clock).toSnapshot(),
      description: null,
      partners: [{ cityId: LLIRIA, status: 'invited', message: null, since: clock.now() }],
    };
    expect(Project.restore(stored, clock.now).toSnapshot()).toEqual(stored);
  });

  it('hands out copies, so no caller can change the aggregate behind its back', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    const snapshot = project.toSnapshot();
    snapshot.fields.push('film');
    snapshot.partners[0].status = 'withdrawn';
    snapshot.updatedAt.setFullYear(1999);
    expect(project.toSnapshot().fields).toEqual(['music']);
    expect(project.partnerStatusOf(LLIRIA)).toBe('accepted');
    expect(project.toSnapshot().updatedAt.getFullYear()).toBe(2025);
  });
});

describe('reading', () => {
  it('tells accepted and current partners apart', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.invite(VALENCIA, null, lead);
    project.requestToJoin(BILBAO, null, bilbao);
    project.rejectJoinRequest(BILBAO, lead);
    project.requestToJoin('granada', null, cityUser('granada'));
    expect(project.acceptedPartnerIds).toEqual([LLIRIA]);
    expect(project.currentPartnerIds).toEqual([LLIRIA, VALENCIA, 'granada']);
    expect(project.partnerStatusOf(BILBAO)).toBe('rejected');
    expect(project.partnerStatusOf('burgos')).toBeUndefined();
    expect(project.isFinished).toBe(false);
  });

  it('exposes every value of the state, as copies', () => {
    const project = Project.propose(proposal({ description: 'Concerts' }), lead, clock.now);
    const snapshot = project.toSnapshot();
    expect({
      id: project.id,
      title: project.title,
      summary: project.summary,
      description: project.description,
      fields: project.fields,
      actionAreas: project.actionAreas,
      sectors: project.sectors,
      sdgs: project.sdgs,
      startDate: project.startDate,
      endDate: project.endDate,
      status: project.status,
      leadCityId: project.leadCityId,
      partners: project.partners,
      outcome: project.outcome,
      cancelReason: project.cancelReason,
      version: project.version,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
    }).toEqual(snapshot);
    project.sdgs.push(1);
    project.createdAt.setFullYear(1999);
    expect(project.toSnapshot()).toEqual(snapshot);
  });
});

describe('update', () => {
  it('applies the changed fields and records only what changed', () => {
    const project = proposedProject(clock);
    const now = clock.advance();
    const applied = project.update(
      { title: 'Ritmos del Mediterráneo', summary: project.toSnapshot().summary, sdgs: [11, 4, 17], endDate: '2026-06-30' },
      1,
      lead,
    );

    expect(applied).toEqual({ title: 'Ritmos del Mediterráneo', sdgs: [11, 4, 17], endDate: '2026-06-30' });
    expect(project.toSnapshot()).toMatchObject({ title: 'Ritmos del Mediterráneo', sdgs: [11, 4, 17], endDate: '2026-06-30', updatedAt: now });
    expect(onlyEvent(project)).toEqual({
      type: 'ProjectUpdated',
      data: { ...base(), title: 'Ritmos del Mediterráneo', changes: applied },
    });
  });

  it('clears optional fields given null', () => {
    const project = proposedProject(clock, { description: 'Concerts' });
    const applied = project.update({ description: null, startDate: null }, 1, lead);
    expect(applied).toEqual({ description: null, startDate: null });
    expect(project.toSnapshot()).toMatchObject({ description: null, startDate: null });
    expect(onlyEvent(project).data).toMatchObject({ changes: { description: null, startDate: null } });
  });

  it('records nothing when nothing actually changes', () => {
    const project = proposedProject(clock);
    const before = project.toSnapshot();
    expect(project.update({ title: 'Ritmos compartidos ', fields: ['music'], description: null }, 1, lead)).toEqual({});
    expect(project.toSnapshot()).toEqual(before);
    expect(project.hasPendingEvents).toBe(false);
  });

  it('treats a new order of a list as a change', () => {
    const project = proposedProject(clock);
    expect(project.update({ sdgs: [4, 11] }, 1, lead)).toEqual({ sdgs: [4, 11] });
  });

  it('may be done by an admin, and on an active project', () => {
    const project = activeProject(clock);
    project.update({ summary: 'New summary' }, project.version, admin);
    expect(onlyEvent(project).data).toMatchObject({ acceptedPartnerIds: [LLIRIA], changes: { summary: 'New summary' } });
  });

  it('refuses a stale version (409 project.stale-version)', () => {
    const project = proposedProject(clock);
    const error = refused(project, (p) => p.update({ title: 'Late edit' }, 0, lead));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: PROJECT_STALE_VERSION, kind: 'conflict' });
  });

  it('refuses anyone but the lead (403)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expectForbidden(
      refused(project, (p) => p.update({ title: 'Mine now' }, p.version, lliria)),
      ProjectRight.LeadOnly,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['title', { title: ' ' }],
    ['fields', { fields: ['jazz'] }],
    ['sdgs', { sdgs: [] }],
    ['endDate', { endDate: '2025-01-01' }],
    ['endDate', { startDate: '2026-01-01' }],
  ])('refuses an invalid %s (400): %j', (field, changes) => {
    const project = proposedProject(clock);
    expectInvalid(
      refused(project, (p) => p.update(changes as never, 1, lead)),
      field,
    );
  });
});

describe('invite', () => {
  it('invites a city with a message and records PartnerInvited', () => {
    const project = proposedProject(clock);
    const now = clock.advance();
    project.invite(LLIRIA, ' Join us! ', lead);
    expect(project.partners).toEqual([{ cityId: LLIRIA, status: 'invited', message: 'Join us!', since: now }]);
    expect(project.toSnapshot().updatedAt).toEqual(now);
    expect(onlyEvent(project)).toEqual({ type: 'PartnerInvited', data: { ...base(), cityId: LLIRIA, message: 'Join us!' } });
  });

  it('says null for a missing message', () => {
    const project = proposedProject(clock);
    project.invite(LLIRIA, undefined, lead);
    expect(project.partners[0].message).toBeNull();
    expect(onlyEvent(project).data).toMatchObject({ message: null });
  });

  it('may be done by an admin, and while the project is active', () => {
    const project = activeProject(clock);
    project.invite(VALENCIA, null, admin);
    expect(onlyEvent(project).data).toMatchObject({ cityId: VALENCIA, acceptedPartnerIds: [LLIRIA] });
  });

  it('refuses to invite the lead (409 project.cannot-invite-lead)', () => {
    expectRule(
      refused(proposedProject(clock), (p) => p.invite(SEVILLA, null, lead)),
      ProjectRule.CannotInviteLead,
    );
  });

  it('refuses to invite a city already invited, requesting or accepted (409)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.invite(VALENCIA, null, lead);
    project.requestToJoin(BILBAO, null, bilbao);
    expectRule(
      refused(project, (p) => p.invite(VALENCIA, 'again', lead)),
      ProjectRule.AlreadyInvited,
    );
    expectRule(
      refused(project, (p) => p.invite(BILBAO, null, lead)),
      ProjectRule.AlreadyRequested,
    );
    expectRule(
      refused(project, (p) => p.invite(LLIRIA, null, lead)),
      ProjectRule.AlreadyPartner,
    );
  });

  it.each([
    ['declined', (p: Project) => p.declineInvitation(LLIRIA, lliria)],
    ['rejected', (p: Project) => (p.requestToJoin(LLIRIA, 'hi', lliria), p.rejectJoinRequest(LLIRIA, lead))],
    ['withdrawn', (p: Project) => (p.invite(LLIRIA, 'old', lead), p.acceptInvitation(LLIRIA, lliria), p.withdraw(LLIRIA, lliria))],
  ])('invites again a city that %s before, with the new message', (status, closeRelation) => {
    const project = proposedProject(clock);
    if (status === 'declined') project.invite(LLIRIA, 'old', lead);
    closeRelation(project);
    expect(project.partnerStatusOf(LLIRIA)).toBe(status);
    eventsOf(project);

    const now = clock.advance();
    project.invite(LLIRIA, 'Second try', lead);
    expect(project.partners).toEqual([{ cityId: LLIRIA, status: 'invited', message: 'Second try', since: now }]);
    expect(onlyEvent(project).type).toBe('PartnerInvited');
  });

  it('refuses a partner or another city inviting (403)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expectForbidden(
      refused(project, (p) => p.invite(VALENCIA, null, lliria)),
      ProjectRight.LeadOnly,
    );
    expectForbidden(
      refused(project, (p) => p.invite(VALENCIA, null, bilbao)),
      ProjectRight.LeadOnly,
    );
  });

  it('refuses a blank city id or a too long message (400)', () => {
    const project = proposedProject(clock);
    expectInvalid(
      refused(project, (p) => p.invite(' ', null, lead)),
      'cityId',
    );
    expectInvalid(
      refused(project, (p) => p.invite(LLIRIA, 'x'.repeat(2001), lead)),
      'message',
    );
  });
});

describe('acceptInvitation / declineInvitation', () => {
  function invited() {
    const project = proposedProject(clock);
    project.invite(LLIRIA, 'Join us', lead);
    return saved(project, clock);
  }

  it('accepting makes the city an accepted partner and records InvitationAccepted', () => {
    const project = invited();
    const now = clock.advance();
    project.acceptInvitation(LLIRIA, lliria);
    expect(project.partners).toEqual([{ cityId: LLIRIA, status: 'accepted', message: 'Join us', since: now }]);
    expect(onlyEvent(project)).toEqual({ type: 'InvitationAccepted', data: { ...base([LLIRIA]), cityId: LLIRIA } });
  });

  it('declining closes the invitation and records InvitationDeclined', () => {
    const project = invited();
    project.declineInvitation(LLIRIA, lliria);
    expect(project.partnerStatusOf(LLIRIA)).toBe('declined');
    expect(onlyEvent(project)).toEqual({ type: 'InvitationDeclined', data: { ...base(), cityId: LLIRIA } });
  });

  it('lists the partners accepted before in the event', () => {
    const project = projectWithPartners(clock, [VALENCIA]);
    project.invite(LLIRIA, null, lead);
    eventsOf(project);
    project.acceptInvitation(LLIRIA, lliria);
    expect(onlyEvent(project).data.acceptedPartnerIds).toEqual([VALENCIA, LLIRIA]);
  });

  it('may be answered by an admin for the invited city', () => {
    const project = invited();
    project.acceptInvitation(LLIRIA, admin);
    expect(project.partnerStatusOf(LLIRIA)).toBe('accepted');
  });

  it.each(['acceptInvitation', 'declineInvitation'] as const)('%s refuses what was not offered (409 project.no-invitation)', (method) => {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.requestToJoin(VALENCIA, null, valencia);
    project.invite('granada', null, lead);
    project.declineInvitation('granada', cityUser('granada'));
    expectRule(
      refused(project, (p) => p[method](BILBAO, bilbao)),
      ProjectRule.NoInvitation,
    ); // never invited
    expectRule(
      refused(project, (p) => p[method](VALENCIA, valencia)),
      ProjectRule.NoInvitation,
    ); // asked, not invited
    expectRule(
      refused(project, (p) => p[method](LLIRIA, lliria)),
      ProjectRule.NoInvitation,
    ); // already accepted
    expectRule(
      refused(project, (p) => p[method]('granada', cityUser('granada'))),
      ProjectRule.NoInvitation,
    ); // already declined
  });

  it.each(['acceptInvitation', 'declineInvitation'] as const)('%s refuses anyone but the invited city (403), the lead included', (method) => {
    const project = invited();
    expectForbidden(
      refused(project, (p) => p[method](LLIRIA, valencia)),
      ProjectRight.NotYourCity,
    );
    expectForbidden(
      refused(project, (p) => p[method](LLIRIA, lead)),
      ProjectRight.NotYourCity,
    );
  });
});

describe('requestToJoin', () => {
  it('records the request with its message (JoinRequested)', () => {
    const project = proposedProject(clock);
    const now = clock.advance();
    project.requestToJoin(VALENCIA, 'We would love to take part', valencia);
    expect(project.partners).toEqual([{ cityId: VALENCIA, status: 'requested', message: 'We would love to take part', since: now }]);
    expect(onlyEvent(project)).toEqual({
      type: 'JoinRequested',
      data: { ...base(), cityId: VALENCIA, message: 'We would love to take part' },
    });
  });

  it('refuses the lead asking to join its own project (409 project.lead-cannot-join)', () => {
    expectRule(
      refused(proposedProject(clock), (p) => p.requestToJoin(SEVILLA, null, lead)),
      ProjectRule.LeadCannotJoin,
    );
  });

  it('refuses a city already invited, requesting or accepted (409)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.invite(VALENCIA, null, lead);
    project.requestToJoin(BILBAO, null, bilbao);
    expectRule(
      refused(project, (p) => p.requestToJoin(VALENCIA, null, valencia)),
      ProjectRule.AlreadyInvited,
    );
    expectRule(
      refused(project, (p) => p.requestToJoin(BILBAO, 'again', bilbao)),
      ProjectRule.AlreadyRequested,
    );
    expectRule(
      refused(project, (p) => p.requestToJoin(LLIRIA, null, lliria)),
      ProjectRule.AlreadyPartner,
    );
  });

  it('may ask again after a rejection', () => {
    const project = proposedProject(clock);
    project.requestToJoin(VALENCIA, null, valencia);
    project.rejectJoinRequest(VALENCIA, lead);
    project.requestToJoin(VALENCIA, 'Please reconsider', valencia);
    expect(project.partners[0]).toMatchObject({ status: 'requested', message: 'Please reconsider' });
  });

  it('refuses a user asking for another city (403); an admin may', () => {
    const project = proposedProject(clock);
    expectForbidden(
      refused(project, (p) => p.requestToJoin(VALENCIA, null, bilbao)),
      ProjectRight.NotYourCity,
    );
    project.requestToJoin(VALENCIA, null, admin);
    expect(project.partnerStatusOf(VALENCIA)).toBe('requested');
  });
});

describe('approveJoinRequest / rejectJoinRequest', () => {
  function requested() {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.requestToJoin(VALENCIA, 'Count us in', valencia);
    return saved(project, clock);
  }

  it('approving makes the city an accepted partner (JoinRequestApproved)', () => {
    const project = requested();
    const now = clock.advance();
    project.approveJoinRequest(VALENCIA, lead);
    expect(project.partners[1]).toEqual({ cityId: VALENCIA, status: 'accepted', message: 'Count us in', since: now });
    expect(onlyEvent(project)).toEqual({ type: 'JoinRequestApproved', data: { ...base([LLIRIA, VALENCIA]), cityId: VALENCIA } });
  });

  it('rejecting closes the request (JoinRequestRejected)', () => {
    const project = requested();
    project.rejectJoinRequest(VALENCIA, admin);
    expect(project.partnerStatusOf(VALENCIA)).toBe('rejected');
    expect(onlyEvent(project)).toEqual({ type: 'JoinRequestRejected', data: { ...base([LLIRIA]), cityId: VALENCIA } });
  });

  it.each(['approveJoinRequest', 'rejectJoinRequest'] as const)(
    '%s refuses a request that does not exist (409 project.no-join-request)',
    (method) => {
      const project = requested();
      project.invite(BILBAO, null, lead);
      expectRule(
        refused(project, (p) => p[method]('burgos', lead)),
        ProjectRule.NoJoinRequest,
      );
      expectRule(
        refused(project, (p) => p[method](BILBAO, lead)),
        ProjectRule.NoJoinRequest,
      ); // invited, did not ask
      expectRule(
        refused(project, (p) => p[method](LLIRIA, lead)),
        ProjectRule.NoJoinRequest,
      ); // already a partner
    },
  );

  it.each(['approveJoinRequest', 'rejectJoinRequest'] as const)('%s is for the lead only (403)', (method) => {
    const project = requested();
    expectForbidden(
      refused(project, (p) => p[method](VALENCIA, valencia)),
      ProjectRight.LeadOnly,
    );
    expectForbidden(
      refused(project, (p) => p[method](VALENCIA, lliria)),
      ProjectRight.LeadOnly,
    );
  });
});

describe('withdraw', () => {
  it('lets an accepted partner leave (PartnerWithdrew, without it among the accepted)', () => {
    const project = projectWithPartners(clock, [LLIRIA, VALENCIA]);
    const now = clock.advance();
    project.withdraw(LLIRIA, lliria);
    expect(project.partners[0]).toEqual({ cityId: LLIRIA, status: 'withdrawn', message: null, since: now });
    expect(onlyEvent(project)).toEqual({ type: 'PartnerWithdrew', data: { ...base([VALENCIA]), cityId: LLIRIA } });
  });

  it('is allowed from an active project, even for its last partner', () => {
    const project = activeProject(clock, [LLIRIA]);
    project.withdraw(LLIRIA, lliria);
    expect(project.status).toBe('active');
    expect(project.acceptedPartnerIds).toEqual([]);
  });

  it('refuses the lead (409 project.lead-cannot-withdraw)', () => {
    expectRule(
      refused(projectWithPartners(clock, [LLIRIA]), (p) => p.withdraw(SEVILLA, lead)),
      ProjectRule.LeadCannotWithdraw,
    );
  });

  it('refuses a city that is not an accepted partner (409 project.not-a-partner)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    project.invite(VALENCIA, null, lead);
    expectRule(
      refused(project, (p) => p.withdraw(VALENCIA, valencia)),
      ProjectRule.NotAPartner,
    );
    expectRule(
      refused(project, (p) => p.withdraw(BILBAO, bilbao)),
      ProjectRule.NotAPartner,
    );
  });

  it('refuses a user withdrawing another city (403), the lead included', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expectForbidden(
      refused(project, (p) => p.withdraw(LLIRIA, lead)),
      ProjectRight.NotYourCity,
    );
    expectForbidden(
      refused(project, (p) => p.withdraw(LLIRIA, valencia)),
      ProjectRight.NotYourCity,
    );
  });
});

describe('postUpdate', () => {
  it('lets the lead post and returns the update to store (ProjectUpdatePosted)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    const now = clock.advance();
    const update = project.postUpdate({ updateId: 'u-1', text: ' First rehearsal done ', kind: 'milestone' }, lead);
    expect(update).toEqual({ id: 'u-1', projectId: 'p-1', text: 'First rehearsal done', kind: 'milestone', authorCityId: SEVILLA, createdAt: now });
    expect(onlyEvent(project)).toEqual({
      type: 'ProjectUpdatePosted',
      data: { ...base([LLIRIA]), updateId: 'u-1', text: 'First rehearsal done', kind: 'milestone', authorCityId: SEVILLA },
    });
  });

  it('lets an accepted partner post as its city', () => {
    const project = activeProject(clock, [LLIRIA]);
    expect(project.postUpdate({ updateId: 'u-2', text: 'News from Llíria', kind: 'news' }, lliria).authorCityId).toBe(LLIRIA);
  });

  it('has an admin post as their own city when it is a member, else as the lead', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expect(project.postUpdate({ updateId: 'u-3', text: 'From the secretariat', kind: 'news' }, admin).authorCityId).toBe(SEVILLA);
    const lliriaAdmin: ProjectActor = { cityId: LLIRIA, role: 'admin' };
    expect(project.postUpdate({ updateId: 'u-4', text: 'Hello', kind: 'news' }, lliriaAdmin).authorCityId).toBe(LLIRIA);
  });

  it('refuses invited, requesting, withdrawn and outside cities (403 project.members-only)', () => {
    const project = projectWithPartners(clock, [LLIRIA, 'granada']);
    project.withdraw('granada', cityUser('granada'));
    project.invite(VALENCIA, null, lead);
    project.requestToJoin(BILBAO, null, bilbao);
    for (const city of [VALENCIA, BILBAO, 'granada', 'burgos']) {
      expectForbidden(
        refused(project, (p) => p.postUpdate({ updateId: 'u', text: 'Hi', kind: 'news' }, cityUser(city))),
        ProjectRight.MembersOnly,
      );
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['text', { text: '  ' }],
    ['text', { text: 'x'.repeat(5001) }],
    ['kind', { kind: 'gossip' }],
    ['updateId', { updateId: '' }],
  ])('refuses an invalid %s (400)', (field, overrides) => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expectInvalid(
      refused(project, (p) => p.postUpdate({ updateId: 'u-1', text: 'Hi', kind: 'news', ...overrides } as never, lead)),
      field,
    );
  });
});

describe('start', () => {
  it('moves a proposed project with an accepted partner to active (ProjectStarted)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    const now = clock.advance();
    project.start(lead);
    expect(project.status).toBe('active');
    expect(project.toSnapshot().updatedAt).toEqual(now);
    expect(onlyEvent(project)).toEqual({ type: 'ProjectStarted', data: base([LLIRIA]) });
  });

  it('refuses a project without an accepted partner (409 project.no-accepted-partner)', () => {
    const project = proposedProject(clock);
    project.invite(LLIRIA, null, lead);
    project.requestToJoin(VALENCIA, null, valencia);
    expectRule(
      refused(project, (p) => p.start(lead)),
      ProjectRule.NoAcceptedPartner,
    );
  });

  it('refuses a project that is not proposed (409 project.not-proposed)', () => {
    expectRule(
      refused(activeProject(clock), (p) => p.start(lead)),
      ProjectRule.NotProposed,
    );
  });

  it('is for the lead only (403)', () => {
    expectForbidden(
      refused(projectWithPartners(clock, [LLIRIA]), (p) => p.start(lliria)),
      ProjectRight.LeadOnly,
    );
  });
});

describe('complete', () => {
  it('moves an active project to completed with its outcome (ProjectCompleted)', () => {
    const project = activeProject(clock, [LLIRIA]);
    project.complete(' Twelve concerts, 4,000 listeners ', lead);
    expect(project.toSnapshot()).toMatchObject({ status: 'completed', outcome: 'Twelve concerts, 4,000 listeners' });
    expect(project.isFinished).toBe(true);
    expect(onlyEvent(project)).toEqual({ type: 'ProjectCompleted', data: { ...base([LLIRIA]), outcome: 'Twelve concerts, 4,000 listeners' } });
  });

  it('refuses a project that is not active (409 project.not-active)', () => {
    expectRule(
      refused(projectWithPartners(clock, [LLIRIA]), (p) => p.complete('Done', lead)),
      ProjectRule.NotActive,
    );
  });

  it('refuses a missing outcome (400) and anyone but the lead (403)', () => {
    const project = activeProject(clock);
    expectInvalid(
      refused(project, (p) => p.complete(' ', lead)),
      'outcome',
    );
    expectForbidden(
      refused(project, (p) => p.complete('Done', lliria)),
      ProjectRight.LeadOnly,
    );
  });
});

describe('cancel', () => {
  it.each([
    ['proposed', () => proposedProject(clock), []],
    ['active', () => activeProject(clock, [LLIRIA]), [LLIRIA]],
  ] as const)('cancels a %s project with its reason (ProjectCancelled)', (previousStatus, make, partners) => {
    const project = make();
    project.cancel('Funding withdrawn', lead);
    expect(project.toSnapshot()).toMatchObject({ status: 'cancelled', cancelReason: 'Funding withdrawn' });
    expect(onlyEvent(project)).toEqual({
      type: 'ProjectCancelled',
      data: { ...base([...partners]), reason: 'Funding withdrawn', previousStatus },
    });
  });

  it('refuses a missing reason (400) and anyone but the lead (403)', () => {
    const project = projectWithPartners(clock, [LLIRIA]);
    expectInvalid(
      refused(project, (p) => p.cancel('', lead)),
      'reason',
    );
    expectForbidden(
      refused(project, (p) => p.cancel('No', lliria)),
      ProjectRight.LeadOnly,
    );
  });
});

describe('a finished project accepts no change (409 project.finished)', () => {
  function finished(how: 'completed' | 'cancelled') {
    const project = activeProject(clock, [LLIRIA]);
    project.invite(VALENCIA, null, lead);
    project.requestToJoin(BILBAO, null, bilbao);
    if (how === 'completed') project.complete('Done', lead);
    else project.cancel('Stopped', lead);
    return saved(project, clock);
  }

  const commands: [string, (p: Project) => unknown][] = [
    ['update', (p) => p.update({ title: 'After the end' }, p.version, lead)],
    ['invite', (p) => p.invite('granada', null, lead)],
    ['acceptInvitation', (p) => p.acceptInvitation(VALENCIA, valencia)],
    ['declineInvitation', (p) => p.declineInvitation(VALENCIA, valencia)],
    ['requestToJoin', (p) => p.requestToJoin('granada', null, cityUser('granada'))],
    ['approveJoinRequest', (p) => p.approveJoinRequest(BILBAO, lead)],
    ['rejectJoinRequest', (p) => p.rejectJoinRequest(BILBAO, lead)],
    ['withdraw', (p) => p.withdraw(LLIRIA, lliria)],
    ['postUpdate', (p) => p.postUpdate({ updateId: 'u', text: 'Late news', kind: 'news' }, lead)],
    ['start', (p) => p.start(lead)],
    ['complete', (p) => p.complete('Again', lead)],
    ['cancel', (p) => p.cancel('Too late', lead)],
  ];

  for (const how of ['completed', 'cancelled'] as const) {
    it.each(commands)(`${how}: %s is refused`, (_, command) => {
      expectRule(refused(finished(how), command), ProjectRule.Finished);
    });
  }

  it('still answers 403 before 409, and 400 before 409', () => {
    const project = finished('completed');
    expectForbidden(
      refused(project, (p) => p.invite('granada', null, lliria)),
      ProjectRight.LeadOnly,
    );
    expectInvalid(
      refused(project, (p) => p.complete('', lead)),
      'outcome',
    );
  });
});

describe('the story of SPEC §3, event by event', () => {
  it('records one valid event per use case, in order', () => {
    const project = Project.propose(proposal(), lead, clock.now);
    project.invite(LLIRIA, 'Join us', lead);
    project.acceptInvitation(LLIRIA, lliria);
    project.requestToJoin(VALENCIA, null, valencia);
    project.approveJoinRequest(VALENCIA, lead);
    project.invite(BILBAO, null, lead);
    project.declineInvitation(BILBAO, bilbao);
    project.requestToJoin('granada', null, cityUser('granada'));
    project.rejectJoinRequest('granada', lead);
    project.postUpdate({ updateId: 'u-1', text: 'Kick-off', kind: 'news' }, lead);
    project.start(lead);
    project.update({ summary: 'Now running' }, 0, lead);
    project.withdraw(VALENCIA, valencia);
    project.complete('Done', lead);

    const events = eventsOf(project); // each parsed by its schema
    expect(events.map((e) => e.type)).toEqual<ProjectEventType[]>([
      'ProjectProposed',
      'PartnerInvited',
      'InvitationAccepted',
      'JoinRequested',
      'JoinRequestApproved',
      'PartnerInvited',
      'InvitationDeclined',
      'JoinRequested',
      'JoinRequestRejected',
      'ProjectUpdatePosted',
      'ProjectStarted',
      'ProjectUpdated',
      'PartnerWithdrew',
      'ProjectCompleted',
    ]);
    expect(events.map((e) => e.data.acceptedPartnerIds)).toEqual([
      [],
      [],
      [LLIRIA],
      [LLIRIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA, VALENCIA],
      [LLIRIA],
      [LLIRIA],
    ]);
    expect(project.hasPendingEvents).toBe(false);
  });
});
