import { randomBytes } from 'node:crypto';
import { useModuleTestApp } from '@app/testing';
import { DomainError } from '@app/domain';
import { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
import { DeclineInvitationCommand } from './commands/decline-invitation/decline-invitation.command';
import { InvitePartnerCommand } from './commands/invite-partner/invite-partner.command';
import { PostProjectUpdateCommand } from './commands/post-project-update/post-project-update.command';
import { ProposeProjectCommand } from './commands/propose-project/propose-project.command';
import type { ProposeProjectDto } from './commands/propose-project/propose-project.dto';
import { RequestToJoinCommand } from './commands/request-to-join/request-to-join.command';
import { StartProjectCommand } from './commands/start-project/start-project.command';
import { UpdateProjectCommand } from './commands/update-project/update-project.command';
import { CanViewProjectQuery } from './contracts';
import type { ProjectView } from './queries/get-project/project.view';
import { GetProjectTimelineQuery } from './queries/get-project-timeline/get-project-timeline.query';
import { GetProjectQuery } from './queries/get-project/get-project.query';
import { ListProjectUpdatesQuery } from './queries/list-project-updates/list-project-updates.query';
import { ListProjectsQuery } from './queries/list-projects/list-projects.query';
import { SuggestPartnersQuery } from './queries/suggest-partners/suggest-partners.query';
import { contextOf, createProjectsTestModule } from './testing/projects-test-module';

/** Handlers and repositories against the MongoDB protocol; the cities module is faked. */
describe('projects handlers (MongoDB)', () => {
  const app = useModuleTestApp('projects_int', createProjectsTestModule);

  const sevilla = contextOf('sevilla');
  const proposal = (overrides: Partial<ProposeProjectDto> = {}): ProposeProjectDto => ({
    title: 'Ritmos compartidos',
    summary: 'Joint concerts and residencies between music cities',
    fields: ['music'],
    actionAreas: ['professional-exchange'],
    sectors: ['public'],
    sdgs: [11, 4],
    ...overrides,
  });
  const propose = (overrides: Partial<ProposeProjectDto> = {}) => app.commands.execute(new ProposeProjectCommand(proposal(overrides), sevilla));
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
    );

  it('proposes, invites, accepts and keeps each event with its actor in the timeline', async () => {
    const created = await propose();
    expect(created).toMatchObject({ status: 'proposed', leadCityId: 'sevilla', version: 1, partners: [], description: null });

    await app.commands.execute(new InvitePartnerCommand(created.id, { cityId: 'lliria', message: 'Join us' }, sevilla));
    const accepted = await app.commands.execute(new AcceptInvitationCommand(created.id, 'lliria', contextOf('lliria')));
    expect(accepted.version).toBe(3);
    expect(accepted.partners).toEqual([{ cityId: 'lliria', status: 'accepted', message: 'Join us', since: expect.any(String) }]);
    expect(await app.queries.execute(new GetProjectQuery(created.id))).toEqual(accepted);

    const timeline = await app.queries.execute(new GetProjectTimelineQuery(created.id));
    expect(timeline.map((e) => [e.type, e.actor.cityId])).toEqual([
      ['ProjectProposed', 'sevilla'],
      ['PartnerInvited', 'sevilla'],
      ['InvitationAccepted', 'lliria'],
    ]);
    expect(timeline[0].seq).toBeLessThan(timeline[1].seq);
  });

  it('refuses to invite a city that does not exist, storing nothing', async () => {
    const created = await propose();
    await expect(codeOf(app.commands.execute(new InvitePartnerCommand(created.id, { cityId: 'atlantis' }, sevilla)))).resolves.toBe('invalid-input');
    expect((await app.queries.execute(new GetProjectQuery(created.id))).version).toBe(1);
    expect(await app.queries.execute(new GetProjectTimelineQuery(created.id))).toHaveLength(1);
  });

  it('lets one of two PATCHes from the same version win; the other is a 409', async () => {
    const created = await propose();
    const results = await Promise.all(
      ['A', 'B'].map((t) => codeOf(app.commands.execute(new UpdateProjectCommand(created.id, { title: `Title ${t}`, version: 1 }, sevilla)))),
    );
    expect(results.sort()).toEqual(['project.stale-version', 'resolved']);
    const now = await app.queries.execute(new GetProjectQuery(created.id));
    expect(now.version).toBe(2);
    expect(await app.queries.execute(new GetProjectTimelineQuery(created.id))).toHaveLength(2);
  });

  it('keeps the version on a PATCH that changes nothing', async () => {
    const created = await propose();
    const same = await app.commands.execute(new UpdateProjectCommand(created.id, { title: created.title, version: 1 }, sevilla));
    expect(same.version).toBe(1);
  });

  it('stores a posted update with its event, listed newest first', async () => {
    const created = await propose();
    await app.commands.execute(new PostProjectUpdateCommand(created.id, { text: 'First', kind: 'news' }, sevilla));
    const second = await app.commands.execute(new PostProjectUpdateCommand(created.id, { text: 'Second', kind: 'milestone' }, sevilla));
    expect(second).toMatchObject({ projectId: created.id, authorCityId: 'sevilla', kind: 'milestone', version: 1 });
    const page = await app.queries.execute(new ListProjectUpdatesQuery(created.id, { page: 1, limit: 1 }));
    expect(page).toMatchObject({ total: 2, page: 1, limit: 1, items: [{ text: 'Second' }] });
    expect((await app.queries.execute(new GetProjectQuery(created.id))).version).toBe(3);
  });

  it('refuses an update from a city that is not a member (403), storing nothing', async () => {
    const created = await propose();
    const result = codeOf(app.commands.execute(new PostProjectUpdateCommand(created.id, { text: 'Hi', kind: 'news' }, contextOf('bilbao'))));
    await expect(result).resolves.toBe('project.members-only');
    expect((await app.queries.execute(new ListProjectUpdatesQuery(created.id, { page: 1, limit: 20 }))).total).toBe(0);
  });

  it('filters the list by status, field, city (lead or partner), SDG and accent-free words', async () => {
    const tag = randomBytes(3).toString('hex');
    const film = await propose({ title: `Cine de verano ${tag}`, fields: ['film'], sdgs: [5] });
    const music = await propose({ title: `Música en la calle ${tag}`, fields: ['music'], sdgs: [11] });
    await app.commands.execute(new RequestToJoinCommand(music.id, {}, contextOf('lliria')));

    const ids = async (filter: object) =>
      (await app.queries.execute(new ListProjectsQuery({ q: tag, ...filter }, { page: 1, limit: 100 }))).items.map((p: ProjectView) => p.id);
    expect(await ids({})).toEqual([music.id, film.id]);
    expect(await ids({ field: 'film' })).toEqual([film.id]);
    expect(await ids({ sdg: 11 })).toEqual([music.id]);
    expect(await ids({ cityId: 'lliria' })).toEqual([music.id]);
    expect(await ids({ cityId: 'sevilla', status: 'proposed' })).toEqual([music.id, film.id]);
    expect(await ids({ q: `MUSICA calle ${tag}` })).toEqual([music.id]);
    expect(await ids({ q: `verano calle ${tag}` })).toEqual([]); // every word must match
    expect(await ids({ q: `(.*) ${tag}` })).toEqual([music.id, film.id]); // regex characters are not a pattern
  });

  it('suggests partners with reasons, never the lead or a current partner', async () => {
    const created = await propose();
    await app.commands.execute(new InvitePartnerCommand(created.id, { cityId: 'valencia' }, sevilla));
    const suggestions = await app.queries.execute(new SuggestPartnersQuery(created.id, 5));
    const ids = suggestions.map((s) => s.city.id);
    expect(ids.slice(0, 3)).toContain('lliria');
    expect(ids).not.toContain('sevilla');
    expect(ids).not.toContain('valencia');
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it('counts past projects with the lead from the projects themselves: led or joined, accepted only', async () => {
    const granada = contextOf('granada');
    const proposeAs = (ctx: typeof granada) => app.commands.execute(new ProposeProjectCommand(proposal({ fields: ['literature'] }), ctx));
    const invite = (projectId: string, cityId: string, lead: typeof granada) =>
      app.commands.execute(new InvitePartnerCommand(projectId, { cityId }, lead));
    // Bilbao worked with Granada twice: once in Granada's project, once in its own.
    const ledByGranada = await proposeAs(granada);
    await invite(ledByGranada.id, 'bilbao', granada);
    await app.commands.execute(new AcceptInvitationCommand(ledByGranada.id, 'bilbao', contextOf('bilbao')));
    const ledByBilbao = await proposeAs(contextOf('bilbao'));
    await invite(ledByBilbao.id, 'granada', contextOf('bilbao'));
    await app.commands.execute(new AcceptInvitationCommand(ledByBilbao.id, 'granada', granada));
    // Valladolid only declined an invitation: that is no work together.
    await invite(ledByGranada.id, 'valladolid', granada);
    await app.commands.execute(new DeclineInvitationCommand(ledByGranada.id, 'valladolid', contextOf('valladolid')));

    const created = await proposeAs(granada);
    const reasons = async (cityId: string) =>
      (await app.queries.execute(new SuggestPartnersQuery(created.id, 50))).find((s) => s.city.id === cityId)?.reasons ?? [];
    expect(await reasons('bilbao')).toContain('Worked with Granada before on 2 projects');
    expect(await reasons('valladolid')).not.toEqual(expect.arrayContaining([expect.stringMatching(/Worked with/)]));
    // A partner of this very project is not a past collaborator (and is not suggested anyway).
    await invite(created.id, 'barcelona', granada);
    await app.commands.execute(new AcceptInvitationCommand(created.id, 'barcelona', contextOf('barcelona')));
    const other = await proposeAs(granada);
    const onOther = await app.queries.execute(new SuggestPartnersQuery(other.id, 50));
    expect(onOther.find((s) => s.city.id === 'barcelona')?.reasons).toContain('Worked with Granada before on 1 project');
    expect((await app.queries.execute(new SuggestPartnersQuery(created.id, 50))).map((s) => s.city.id)).not.toContain('barcelona');
  });

  it('refuses to start a project without an accepted partner', async () => {
    const created = await propose();
    await expect(codeOf(app.commands.execute(new StartProjectCommand(created.id, sevilla)))).resolves.toBe('project.no-accepted-partner');
  });

  it('answers CanViewProject: true for an existing project, false otherwise', async () => {
    const created = await propose();
    const anonymous = { userId: null, cityId: null, role: null };
    expect(await app.queries.execute(new CanViewProjectQuery(created.id, anonymous))).toBe(true);
    expect(await app.queries.execute(new CanViewProjectQuery('nope', anonymous))).toBe(false);
  });
});
