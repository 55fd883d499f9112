import type { HandlerContext } from '@app/events';
import { startTestMongo, type TestMongo } from '@app/testing';
import mongoose, { type Connection, type mongo } from 'mongoose';
import { InsightEndorsementsProjector } from './endorsements.projector';
import { InsightExchangesProjector } from './exchanges.projector';
import { InsightPracticesProjector } from './practices.projector';
import { InsightProjectsProjector } from './projects.projector';

/**
 * The insight projectors against the MongoDB protocol: what each event writes, and that an event
 * delivered again, or an older one after a newer (at-least-once delivery, replays), changes nothing.
 */
describe('insight projectors (MongoDB)', () => {
  let db: TestMongo;
  let connection: Connection;
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));
  const event = (type: string, seq: number, aggregateId: string, data: object, day = seq) => ({ type, seq, aggregateId, at: at(day), data }) as never;
  const context = (name: string): HandlerContext => ({ collection: connection.db!.collection(name) as mongo.Collection, rebuilding: false });
  const read = (name: string, id: string) => connection.db!.collection<{ _id: string }>(name).findOne({ _id: id });

  beforeAll(async () => {
    db = await startTestMongo('insight_projectors');
    connection = await mongoose.createConnection(db.uri).asPromise();
  });

  afterAll(async () => {
    await connection?.close();
    await db?.stop();
  });

  it('keeps a project’s members, status and join dates, whatever is delivered again', async () => {
    const projector = new InsightProjectsProjector();
    const ctx = context('projects');
    const base = { projectId: 'p1', title: 'Sound maps', leadCityId: 'sev' };
    const proposed = event('ProjectProposed', 1, 'p1', {
      ...base,
      acceptedPartnerIds: [],
      summary: 'Maps',
      description: null,
      fields: ['music'],
      actionAreas: ['research'],
      sectors: ['public'],
      sdgs: [11],
      startDate: null,
      endDate: null,
    });
    const accepted = event('InvitationAccepted', 2, 'p1', { ...base, acceptedPartnerIds: ['dak'], cityId: 'dak' });
    const withdrew = event('PartnerWithdrew', 3, 'p1', { ...base, acceptedPartnerIds: [], cityId: 'dak' });
    const completed = event('ProjectCompleted', 4, 'p1', { ...base, acceptedPartnerIds: [], outcome: 'Done' });
    for (const e of [proposed, accepted, withdrew, completed, accepted, proposed]) await projector.handle(e, ctx);
    expect(await read('projects', 'p1')).toEqual({
      _id: 'p1',
      title: 'Sound maps',
      leadCityId: 'sev',
      partnerIds: [],
      summary: 'Maps',
      fields: ['music'],
      actionAreas: ['research'],
      sectors: ['public'],
      sdgs: [11],
      startDate: null,
      endDate: null,
      status: 'completed',
      joinedAt: { dak: at(2) },
      proposedAt: at(1),
      month: '2026-03',
      finishedAt: at(4),
      updatedAt: at(4),
      seq: 4,
    });
  });

  it('keeps a practice hidden and an endorsement withdrawn when older events come again', async () => {
    const practices = new InsightPracticesProjector();
    const endorsements = new InsightEndorsementsProjector();
    const base = { practiceId: 'pr1', title: 'Design weeks', authorCityId: 'bil', field: 'design' };
    const shared = event('PracticeShared', 10, 'pr1', {
      ...base,
      summary: 'Shops',
      actionArea: null,
      sdgs: [11],
      tags: ['heritage'],
      language: 'en',
    });
    const endorsed = event('PracticeEndorsed', 11, 'pr1', { ...base, cityId: 'sev', endorsementCount: 1 });
    const withdrawn = event('PracticeEndorsementWithdrawn', 12, 'pr1', { ...base, cityId: 'sev', endorsementCount: 0 });
    const hidden = event('PracticeHidden', 13, 'pr1', { ...base, reason: 'Spam' });
    for (const e of [shared, endorsed, withdrawn, hidden, shared, endorsed]) await practices.handle(e, context('practices'));
    for (const e of [endorsed, withdrawn, endorsed]) await endorsements.handle(e, context('endorsements'));
    expect(await read('practices', 'pr1')).toMatchObject({ status: 'hidden', endorsementCount: 0, sharedAt: at(10), seq: 13 });
    expect(await read('endorsements', 'pr1:sev')).toEqual({
      _id: 'pr1:sev',
      practiceId: 'pr1',
      authorCityId: 'bil',
      cityId: 'sev',
      active: false,
      at: at(11),
      seq: 12,
    });
  });

  it('records an exchange’s rating once completed', async () => {
    const projector = new InsightExchangesProjector();
    const base = { exchangeId: 'x1', practiceId: 'pr1', practiceTitle: 'Design weeks', hostCityId: 'bil', requesterCityId: 'sev', format: 'online' };
    const requested = event('ExchangeRequested', 20, 'x1', { ...base, message: 'Hi', proposedDates: null });
    const acceptedX = event('ExchangeAccepted', 21, 'x1', { ...base, message: null });
    const completed = event('ExchangeCompleted', 22, 'x1', { ...base, feedback: 'Good', rating: 4 });
    for (const e of [requested, acceptedX, completed, requested, acceptedX]) await projector.handle(e, context('exchanges'));
    expect(await read('exchanges', 'x1')).toMatchObject({ status: 'completed', rating: 4, requestedAt: at(20), completedAt: at(22), seq: 22 });
  });
});
