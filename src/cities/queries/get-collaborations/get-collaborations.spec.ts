import { NotFoundError } from '@app/domain';
import type { EventEnvelope } from '@app/events';
import { waitFor } from '@app/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PartnerEventBase } from '../../../projects/contracts';
import { CollaborationsProjector } from '../../consumers/collaborations.projector';
import { COLLABORATIONS_COLLECTION, CollaborationLinkDocument } from '../../collaborations/collaboration-link.schema';
import { GetCollaborationsQuery, type Collaboration } from '../../contracts';
import { contextOf, createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import { ListCitiesQuery } from '../list-cities/list-cities.query';
import { ListCollaborationsQuery } from './list-collaborations.query';

type MembershipEventType = 'InvitationAccepted' | 'JoinRequestApproved' | 'PartnerWithdrew';

describe('Collaborations read model (fed by project events through the event backbone)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;
  const id: Record<string, string> = {};
  const recorded: EventEnvelope[] = [];

  beforeAll(async () => {
    mongo = await startMongo('collaborations');
    cities = await createCitiesTestModule(mongo.uri, { seedOnStart: true });
    for (const q of ['sevilla', 'bilbao', 'granada', 'lliria']) {
      id[q] = (await cities.queries.execute(new ListCitiesQuery({ q }, { page: 1, limit: 1 }))).items[0].id;
    }
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  /** Stores a project event as the projects module does (transaction + outbox), which publishes it after commit. */
  async function projectEvent(type: MembershipEventType, projectId: string, title: string, lead: string, cityId: string, accepted: string[]) {
    const data: PartnerEventBase = { projectId, title, leadCityId: id[lead], cityId: id[cityId], acceptedPartnerIds: accepted.map((c) => id[c]) };
    const { events } = await cities.unitOfWork.run(contextOf('city', id[cityId]), async (tx) => tx.record('project', projectId, [{ type, data }]));
    recorded.push(...events);
    return events[0];
  }

  const collaborationsOf = (city: string) => cities.queries.execute(new GetCollaborationsQuery(id[city]));
  const summary = (list: Collaboration[]) => list.map((c) => `${c.city.name}: ${c.projects.map((p) => p.title).join(', ')}`);
  const eventually = (city: string, expected: string[]) =>
    waitFor(`collaborations of ${city} to be ${JSON.stringify(expected)}`, async () => {
      const actual = summary(await collaborationsOf(city));
      return JSON.stringify(actual) === JSON.stringify(expected) || undefined;
    });

  it('follows accepted invitations and approved join requests', async () => {
    await projectEvent('InvitationAccepted', 'p1', 'Sound maps', 'sevilla', 'bilbao', ['bilbao']);
    await projectEvent('JoinRequestApproved', 'p1', 'Sound maps', 'sevilla', 'granada', ['bilbao', 'granada']);
    await projectEvent('InvitationAccepted', 'p2', 'Archive', 'bilbao', 'sevilla', ['sevilla']);
    await eventually('sevilla', ['Bilbao: Archive, Sound maps', 'Granada: Sound maps']);
    await eventually('granada', ['Bilbao: Sound maps', 'Sevilla: Sound maps']);
    expect(await collaborationsOf('lliria')).toEqual([]);
    const [first] = await collaborationsOf('sevilla');
    expect(first.city).toEqual({ id: id.bilbao, name: 'Bilbao', country: 'ES', field: 'design' });
  });

  it('drops a partner that withdrew from that project', async () => {
    await projectEvent('PartnerWithdrew', 'p1', 'Sound maps', 'sevilla', 'granada', ['bilbao']);
    await eventually('sevilla', ['Bilbao: Archive, Sound maps']);
    await eventually('granada', []);
  });

  it('ignores a redelivered or late event (each write is keyed by the event seq)', async () => {
    const projector = cities.moduleRef.get(CollaborationsProjector);
    const context = { collection: cities.store.collection(COLLABORATIONS_COLLECTION), rebuilding: false };
    const older = recorded.find((e) => e.type === 'JoinRequestApproved')!;
    const latest = recorded[recorded.length - 1];
    await projector.handle(older as never, context);
    await projector.handle(latest as never, context);
    await projector.handle(latest as never, context);
    expect(summary(await collaborationsOf('sevilla'))).toEqual(['Bilbao: Archive, Sound maps']);
    expect(summary(await collaborationsOf('granada'))).toEqual([]);
  });

  it('pages the HTTP list and answers 404 for an unknown city', async () => {
    const page = await cities.queries.execute(new ListCollaborationsQuery(id.bilbao, { page: 1, limit: 1 }));
    expect(page).toMatchObject({ total: 1, page: 1, limit: 1, items: [{ city: { name: 'Sevilla' } }] });
    await expect(cities.queries.execute(new ListCollaborationsQuery('nope', { page: 1, limit: 20 }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await cities.queries.execute(new GetCollaborationsQuery('nope'))).toEqual([]);
  });

  it('shows the new title of a renamed project', async () => {
    const data = {
      projectId: 'p2',
      title: 'Shared archive',
      leadCityId: id.bilbao,
      acceptedPartnerIds: [id.sevilla],
      changes: { title: 'Shared archive' },
    };
    const { events } = await cities.unitOfWork.run(contextOf('city', id.bilbao), async (tx) =>
      tx.record('project', 'p2', [{ type: 'ProjectUpdated', data }]),
    );
    recorded.push(...events);
    await eventually('sevilla', ['Bilbao: Shared archive, Sound maps']);
    expect(summary(await collaborationsOf('bilbao'))).toEqual(['Sevilla: Shared archive, Sound maps']);
  });

  it('counts a completed exchange between two cities, titled by its practice', async () => {
    const data = {
      exchangeId: 'x1',
      practiceId: 'pr1',
      practiceTitle: 'Libraries as stages',
      hostCityId: id.granada,
      requesterCityId: id.lliria,
      format: 'study-visit' as const,
      feedback: 'We learnt a lot',
      rating: 5,
    };
    const { events } = await cities.unitOfWork.run(contextOf('city', id.lliria), async (tx) =>
      tx.record('exchange', 'x1', [{ type: 'ExchangeCompleted', data }]),
    );
    recorded.push(...events);
    await waitFor('Llíria to have worked with Granada', async () => (await collaborationsOf('lliria')).length === 1 || undefined);
    expect(await collaborationsOf('lliria')).toEqual([
      { city: expect.objectContaining({ id: id.granada, name: 'Granada' }), projects: [], exchanges: [{ id: 'x1', title: 'Libraries as stages' }] },
    ]);
  });

  it('is rebuilt from the event log alone', async () => {
    const model = cities.moduleRef.get<Model<CollaborationLinkDocument>>(getModelToken(CollaborationLinkDocument.name));
    const before = { sevilla: summary(await collaborationsOf('sevilla')), bilbao: summary(await collaborationsOf('bilbao')) };
    await model.deleteMany({});
    await model.create({ _id: 'ghost', title: 'Not in the log', memberIds: [id.sevilla, id.lliria], seq: 1 });
    expect(summary(await collaborationsOf('sevilla'))).toEqual(['Llíria: Not in the log']);

    const result = await cities.subscriptions.rebuild('cities.collaborations');
    expect(result).toMatchObject({ events: 6, throughSeq: recorded[recorded.length - 1].seq });
    expect(await model.findById('ghost')).toBeNull(); // built in a fresh collection, then swapped in
    expect(summary(await collaborationsOf('sevilla'))).toEqual(before.sevilla);
    expect(summary(await collaborationsOf('bilbao'))).toEqual(before.bilbao);
    expect((await collaborationsOf('lliria'))[0].exchanges).toEqual([{ id: 'x1', title: 'Libraries as stages' }]);
  });
});
