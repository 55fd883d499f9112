import { Subscriptions, type EventDocument, type SubscriptionDocument } from '@app/events';
import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { MongoClient, type Db } from 'mongodb';
import { recipientsOf } from '../src/notifications/domain/recipients';
import type { ProjectEvent } from '../src/projects/contracts';
import { startAppProcess, type AppProcess } from './support/app-process';
import { createCityUser, type CityUser } from './support/city-users';
import { startMongoProcess } from './support/mongo-process';
import { login, startApp } from './support/test-app';

const LEASE_MS = 2000;
const SHARED_CONSUMERS = ['cities.collaborations', 'notifications.fan-out'];

/**
 * The event backbone with real processes: a SIGKILL in the middle of a burst loses nothing and
 * doubles nothing, and a shared consumer's lease moves to another instance when its holder dies.
 */
describe('Event backbone across process crashes (SIGKILL)', () => {
  let services: TestServices;
  let mongo: Awaited<ReturnType<typeof startMongoProcess>>;
  let client: MongoClient;
  let db: Db;
  let env: Record<string, string>;
  const processes: AppProcess[] = [];

  beforeAll(async () => {
    // A transaction of a killed process holds its write locks until the server reaps it. The
    // server runs in a process of its own: the burst loads it, not this test's event loop.
    mongo = await startMongoProcess(['--transaction-lifetime-ms', '2000']);
    services = await TestServices.start({ mongoUri: mongo.uri });
    env = services.env({
      CONSUMER_LEASE_MS: String(LEASE_MS),
      CONSUMER_POLL_INTERVAL_MS: '200',
      JOB_LOCK_MS: '2000',
      INVITATION_LIMIT_PER_PAIR: '100000',
    });
    client = await MongoClient.connect(services.mongoUri());
    db = client.db(new URL(services.mongoUri()).pathname.slice(1));
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await client?.close();
    await services?.stop();
    await mongo?.stop();
  });

  const start = async () => {
    const p = await startAppProcess(env);
    processes.push(p);
    return p;
  };

  async function usersOf(api: ApiClient): Promise<CityUser[]> {
    const admin = await login(api, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
    return Promise.all(['sevilla', 'bilbao', 'valencia', 'granada', 'lliria'].map((q) => createCityUser(api, admin, q)));
  }

  /** One partnership: Sevilla proposes, invites `partner`, which accepts (3 commands, 4+ notifying events). */
  async function partnership(api: ApiClient, lead: CityUser, partner: CityUser, n: number, sent: () => void): Promise<void> {
    const proposed = await api.as(lead.token).post('/projects', {
      title: `Burst ${n}`,
      summary: 'A project of the burst',
      fields: ['music'],
      actionAreas: ['pilot-projects'],
      sectors: ['public'],
      sdgs: [11],
    });
    sent();
    if (proposed.status !== 201) throw new Error(`propose: ${proposed.status}`);
    const id = proposed.body.id;
    const invited = await api.as(lead.token).post(`/projects/${id}/invitations`, { cityId: partner.cityId });
    sent();
    if (invited.status !== 201) throw new Error(`invite: ${invited.status}`);
    await api.as(partner.token).post(`/projects/${id}/invitations/${partner.cityId}/accept`, {});
    sent();
  }

  /** Sends partnerships on 4 lanes (more only adds write conflicts on the seq counter) until `total` commands were sent or the process died. */
  async function burst(api: ApiClient, users: CityUser[], total: number, onSent: (count: number) => void): Promise<number> {
    let count = 0;
    let n = 0;
    const [lead, ...partners] = users;
    const lane = async () => {
      while (count < total) {
        const k = n++;
        try {
          await partnership(api, lead, partners[k % partners.length], k, () => onSent(++count));
        } catch {
          return; // the process is gone: this lane stops
        }
      }
    };
    await Promise.all(Array.from({ length: 4 }, lane));
    return count;
  }

  const head = async () => (await db.collection<EventDocument>('events').find({}).sort({ seq: -1 }).limit(1).next())?.seq ?? 0;
  const subscriptions = () => db.collection<SubscriptionDocument>('subscriptions');

  async function consumersAtHead(): Promise<void> {
    await waitFor(
      'every shared consumer to reach the head of the log',
      async () => {
        const h = await head();
        const docs = await subscriptions()
          .find({ _id: { $in: SHARED_CONSUMERS } })
          .toArray();
        return docs.length === SHARED_CONSUMERS.length && docs.every((d) => d.seq >= h);
      },
      60_000,
    );
  }

  /** Every notification SPEC §4 asks for, from the log: `eventId@cityId`. */
  async function expectedNotifications(): Promise<Set<string>> {
    const events = await db.collection<EventDocument>('events').find({ aggregateType: 'project' }).toArray();
    const expected = new Set<string>();
    for (const e of events) {
      const recipients = recipientsOf({ ...e, id: e._id } as unknown as ProjectEvent);
      if (recipients.kind === 'cities') for (const cityId of recipients.cityIds) expected.add(`${e._id}@${cityId}`);
    }
    return expected;
  }

  async function notificationsExactlyOnce(): Promise<number> {
    const expected = await expectedNotifications();
    const inbox = db.collection('notifications');
    // Jobs a killed worker held run again once their lock expires (JOB_LOCK_MS).
    await waitFor(`the ${expected.size} notifications to reach the inboxes`, async () => (await inbox.countDocuments()) >= expected.size, 60_000);
    const items = await inbox.find({}, { projection: { eventId: 1, cityId: 1 } }).toArray();
    const keys = items.map((i) => `${i.eventId}@${i.cityId}`);
    expect(keys.length).toBe(new Set(keys).size); // none twice
    expect(new Set(keys)).toEqual(expected); // none missing, none extra
    return expected.size;
  }

  it('loses and doubles nothing when the process is killed in the middle of a burst of 2,000 commands', async () => {
    const startedAt = Date.now();
    const first = await start();
    const users = await usersOf(first.api);
    let killed = false;
    const sentBefore = await burst(first.api, users, 2000, (count) => {
      if (count === 1000 && !killed) {
        killed = true;
        void first.kill('SIGKILL');
      }
    });
    await first.exited;
    expect(killed).toBe(true);
    const phase = (name: string) => process.stdout.write(`event backbone: ${name} at ${Date.now() - startedAt} ms\n`);
    phase('first process killed');

    const second = await start();
    const sentAfter = await burst(second.api, users, 2000 - sentBefore, () => undefined);
    expect(sentBefore + sentAfter).toBeGreaterThanOrEqual(2000);
    phase('burst sent');

    await consumersAtHead();
    phase('consumers at the head');
    const notified = await notificationsExactlyOnce();
    phase('notifications checked');
    expect(notified).toBeGreaterThan(1000);

    // The collaborations read model equals a rebuild from the log (asked from another instance; the lease holder rebuilds it).
    const memberships = db.collection('cities_project_memberships');
    const before = await memberships.find({}).sort({ _id: 1 }).toArray();
    expect(before.length).toBeGreaterThan(300);
    const other = await startApp(services, { CONSUMER_LEASE_MS: String(LEASE_MS), INVITATION_LIMIT_PER_PAIR: '100000' });
    try {
      const rebuilt = await other.app.get(Subscriptions).rebuild('cities.collaborations');
      expect(rebuilt.events).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    expect(await memberships.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    process.stdout.write(
      `event backbone: ${sentBefore} commands before the SIGKILL, ${sentAfter} after; ${notified} notifications once each; ${Date.now() - startedAt} ms\n`,
    );
  }, 420_000);

  it('hands a shared consumer to the other instance within the lease time when its holder is killed', async () => {
    const a = processes[processes.length - 1];
    const b = await start();
    const owner = async () => (await subscriptions().findOne({ _id: 'notifications.fan-out' }))?.owner ?? '';
    const pidOf = (o: string) => Number(o.split(':')[1]);
    await waitFor('one instance to hold the notifications lease', async () => [a.pid, b.pid].includes(pidOf(await owner())));
    const holder = pidOf(await owner()) === a.pid ? a : b;
    const survivor = holder === a ? b : a;

    const users = await usersOf(survivor.api);
    await holder.kill('SIGKILL');
    const killedAt = Date.now();
    const sending = burst(survivor.api, users, 60, () => undefined);

    // The survivor takes the lease once the dead holder's expires (plus a poll), and catches up.
    await waitFor('the survivor to take the lease', async () => pidOf(await owner()) === survivor.pid, LEASE_MS + 3000);
    const handedOverAfter = Date.now() - killedAt;
    expect(handedOverAfter).toBeLessThan(LEASE_MS + 3000);
    expect(await sending).toBeGreaterThanOrEqual(60);
    await consumersAtHead();
    await notificationsExactlyOnce();
    process.stdout.write(`event backbone: lease handed over ${handedOverAfter} ms after the SIGKILL (lease ${LEASE_MS} ms)\n`);
  }, 180_000);
});
