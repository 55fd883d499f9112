import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { NotificationMails } from '../src/mail/notifications/notification-mails.consumer';
import { DigestScheduler } from '../src/mail/digests/digest-scheduler';
import { EventLog } from '@app/events';
import { getQueueToken } from '@nestjs/bullmq';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Queue } from 'bullmq';
import { MAIL_QUEUE, MailJobs } from '../src/mail/queue/mail-jobs';
import type { Connection } from 'mongoose';
import type { ProjectEvent } from '../src/projects/contracts';
import { mailUser, type MailUser } from './support/mail-users';
import { ok, proposeProject } from './support/projects';
import { SmtpSink, type ReceivedMail } from './support/smtp-sink';
import { login, startApp, type RunningApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** SPEC §3 Notifications (e-mail), with a real SMTP server: instant mails, unsubscribe, refusals, digests. */
describe('E-mail of notifications over SMTP', () => {
  let services: TestServices;
  let sink: SmtpSink;
  let running: RunningApp;
  let api: ApiClient;
  let adminToken: string;
  let sevilla: MailUser;
  let lliria: MailUser;

  beforeAll(async () => {
    services = await TestServices.start();
    sink = await SmtpSink.start();
    running = await startApp(services, { SMTP_URL: sink.url, PUBLIC_URL: 'https://exchange.example.org', MAIL_RETRY_DELAY_MS: '50' });
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    sevilla = await mailUser(running, adminToken, 'sevilla', 'en', 'off');
    lliria = await mailUser(running, adminToken, 'lliria', 'es', 'instant');
  });

  afterAll(async () => {
    await running?.close();
    await sink?.close();
    await services?.stop();
  });

  const mailsTo = (user: MailUser, n: number) =>
    waitFor(`${n} mail(s) to ${user.email}`, async () => (sink.to(user.email).length >= n ? sink.to(user.email) : undefined), 15_000);
  /** Every mail job has run: nothing waiting, running or delayed for a retry (the scheduled digest tick aside). */
  const mailQueueIdle = () =>
    waitFor('the mail queue to drain', async () => {
      const jobs = await running.app.get<Queue>(getQueueToken(MAIL_QUEUE)).getJobs(['waiting', 'active', 'delayed', 'prioritized']);
      return jobs.every((job) => job.name === MailJobs.digestTick) ? true : undefined;
    });
  const header = (mail: ReceivedMail, name: string) => mail.headers.get(name) ?? '';

  it('sends an instant user one e-mail per notification, in their language, with a link, the reason and RFC 8058 headers', async () => {
    const project = await proposeProject(sevilla as never, 'Flamenco en red');
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    const [mail] = await mailsTo(lliria, 1);
    expect(mail.subject).toBe('Sevilla os invita a «Flamenco en red»');
    expect(mail.text).toContain(`https://exchange.example.org/projects/${project.id}`);
    expect(mail.text).toContain('Recibes este correo porque eres punto focal de Llíria');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.html).toContain(`href="https://exchange.example.org/projects/${project.id}"`);
    const unsubscribe = /^<(https:\/\/exchange\.example\.org\/api\/v1\/mail\/unsubscribe\?token=[^>]+)>$/.exec(header(mail, 'list-unsubscribe'));
    expect(unsubscribe).not.toBeNull();
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(sink.to(sevilla.email)).toEqual([]); // cadence off
  });

  it('sends it once, even when the event is handled again', async () => {
    const before = sink.to(lliria.email).length;
    const project = await proposeProject(sevilla as never, 'Once only');
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    await mailsTo(lliria, before + 1);
    const [event] = (await running.app.get(EventLog).listForAggregate('project', project.id)).filter(
      (e) => e.type === 'PartnerInvited',
    ) as unknown as ProjectEvent[];
    await running.app.get(NotificationMails).handle(event);
    await mailQueueIdle();
    expect(
      sink
        .to(lliria.email)
        .map((m) => m.subject)
        .slice(before),
    ).toEqual(['Sevilla os invita a «Once only»']);
  });

  it('turns e-mail off with the one-click unsubscribe POST, without signing in; the link itself only asks', async () => {
    const valencia = await mailUser(running, adminToken, 'valencia', 'fr', 'instant');
    const control = await mailUser(running, adminToken, 'valencia', 'en', 'instant');
    const first = await proposeProject(sevilla as never, 'Ask first');
    await ok(sevilla.api.post(`/projects/${first.id}/invitations`, { cityId: valencia.cityId }));
    const [mail] = await mailsTo(valencia, 1);
    expect(mail.subject).toBe('Sevilla vous invite à « Ask first »');
    const link = new URL(header(mail, 'list-unsubscribe').slice(1, -1));
    const local = `${running.origin}${link.pathname}${link.search}`;

    const page = await fetch(local);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Ne plus recevoir de courriels');

    const done = await fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('vous ne recevrez plus de courriels');

    const second = await proposeProject(sevilla as never, 'After');
    await ok(sevilla.api.post(`/projects/${second.id}/invitations`, { cityId: valencia.cityId }));
    await mailsTo(control, 2);
    expect(sink.to(valencia.email)).toHaveLength(1);
  });

  it('refuses a forged unsubscribe link with a 404 problem, and a form body on any other route with 415', async () => {
    const forged = await fetch(`${running.origin}/api/v1/mail/unsubscribe?token=${sevilla.id}.AAAA`, { method: 'POST' });
    expect(forged.status).toBe(404);
    expect(forged.headers.get('content-type')).toMatch(PROBLEM);
    const form = await fetch(`${running.origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a',
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('keeps mail while the SMTP server refuses (the inbox is not delayed), then delivers each exactly once', async () => {
    const before = sink.to(lliria.email).length;
    sink.refuse(Number.MAX_SAFE_INTEGER);
    const titles = ['Refused one', 'Refused two', 'Refused three'];
    for (const title of titles) {
      const project = await proposeProject(sevilla as never, title);
      await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    }
    // The inbox has all three while every mail is refused and retried.
    await waitFor('three inbox items', async () => {
      const items = (await ok(lliria.api.get('/notifications?limit=100'))).items as { title: string }[];
      return titles.every((t) => items.some((i) => i.title.includes(t))) ? true : undefined;
    });
    await waitFor('a few refusals', async () => (sink.refusals >= 6 ? true : undefined));
    expect(sink.to(lliria.email)).toHaveLength(before);
    sink.refuse(0);
    await mailsTo(lliria, before + 3);
    await mailQueueIdle();
    const subjects = sink
      .to(lliria.email)
      .slice(before)
      .map((m) => m.subject);
    expect([...subjects].sort()).toEqual(titles.map((t) => `Sevilla os invita a «${t}»`).sort());
  });

  describe('account mails', () => {
    const tokenIn = (mail: ReceivedMail, page: string) =>
      new RegExp(`https://exchange\\.example\\.org/${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];

    it('invites a focal point by e-mail: the link sets a password and signs in, once', async () => {
      const email = `invited.${Date.now().toString(36)}@mail.test`;
      expect(
        (await api.as(adminToken).post('/users/invitations', { email, name: 'Invitée', role: 'city', cityId: lliria.cityId, language: 'fr' })).status,
      ).toBe(201);
      const [mail] = await waitFor('the invitation', async () => (sink.to(email).length ? sink.to(email) : undefined), 15_000);
      const token = tokenIn(mail, 'accept-invitation');
      expect(token).toBeDefined();
      expect(mail.html).toContain('lang="fr"');
      const accepted = await api.post('/auth/accept-invitation', { token, password: 'a new passphrase 7' });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ email, cityId: lliria.cityId });
      await login(api, email, 'a new passphrase 7');
      const again = await api.post('/auth/accept-invitation', { token, password: 'another passphrase 8' });
      expect(again.status).toBeGreaterThanOrEqual(400);
      expect(again.status).toBeLessThan(500);
    });

    it('resets a password through the mailed link, once', async () => {
      expect((await api.post('/auth/password-reset', { email: lliria.email })).status).toBe(202);
      const mail = await waitFor('the reset mail', async () => sink.to(lliria.email).find((m) => tokenIn(m, 'reset-password')), 15_000);
      const token = tokenIn(mail, 'reset-password');
      expect((await api.post('/auth/password-reset/confirm', { token, password: 'reset passphrase 9' })).status).toBe(204);
      await login(api, lliria.email, 'reset passphrase 9');
      expect((await api.post('/auth/password-reset/confirm', { token, password: 'reset passphrase 10' })).status).toBeGreaterThanOrEqual(400);
    });
  });

  describe('digests', () => {
    let daily: MailUser;
    let weekly: MailUser;
    const scheduler = () => running.app.get(DigestScheduler);
    // Valencia is in Europe/Madrid: UTC+1 in winter. 2026-11-30 is a Monday.
    const MONDAY_0810_MADRID = new Date('2026-11-30T07:10:00Z');

    beforeAll(async () => {
      daily = await mailUser(running, adminToken, 'valencia', 'en', 'daily');
      weekly = await mailUser(running, adminToken, 'valencia', 'es', 'weekly');
    });

    async function invite(title: string): Promise<void> {
      const project = await proposeProject(sevilla as never, title);
      await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: daily.cityId }));
    }

    /** Waits until the digest entries of `user` hold `count` events (the mail consumer has run). */
    async function entries(user: MailUser, count: number): Promise<void> {
      const db = running.app.get<Connection>(getConnectionToken());
      await waitFor(
        `${count} digest entries`,
        async () => ((await db.collection('mail_digest_entries').countDocuments({ userId: user.id, digestKey: null })) >= count ? true : undefined),
        15_000,
      );
    }

    it('sends nothing outside 08:00 local time, nor when nothing arrived', async () => {
      expect(await scheduler().tick(new Date('2026-11-30T12:00:00Z'))).toBe(0);
      expect(await scheduler().tick(MONDAY_0810_MADRID)).toBeGreaterThanOrEqual(2);
      await mailQueueIdle();
      expect(sink.to(daily.email)).toEqual([]);
      expect(sink.to(weekly.email)).toEqual([]);
    });

    it('sends the daily digest at 08:00 in the city’s time zone, grouped by project, holding exactly what arrived since', async () => {
      await invite('Digest one');
      await invite('Digest two');
      await entries(daily, 2);
      await entries(weekly, 2);
      // Tuesday 08:05 in Madrid: daily only.
      await scheduler().tick(new Date('2026-12-01T07:05:00Z'));
      const [digest] = await mailsTo(daily, 1);
      expect(digest.subject).toBe('Your daily digest: 2 notifications');
      expect(digest.text).toMatch(/Digest one\n {2}• Sevilla invited you to “Digest one”/);
      expect(digest.text).toMatch(/Digest two\n {2}• Sevilla invited you to “Digest two”/);
      expect(header(digest, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // The other ticks of that hour make no second digest.
      await scheduler().tick(new Date('2026-12-01T07:50:00Z'));
      await invite('Digest three');
      await entries(daily, 1);
      await scheduler().tick(new Date('2026-12-02T07:20:00Z'));
      const [, next] = await mailsTo(daily, 2);
      expect(next.subject).toBe('Your daily digest: 1 notification');
      expect(next.text).toContain('Digest three');
      expect(next.text).not.toContain('Digest one');
      expect(sink.to(weekly.email)).toEqual([]);
    });

    it('sends the weekly digest on Monday, and POST /admin/digests/run sends a period now whatever the hour', async () => {
      await scheduler().tick(new Date('2026-12-07T07:30:00Z'));
      const [week] = await mailsTo(weekly, 1);
      expect(week.subject).toBe('Tu resumen semanal: 3 notificaciones');
      for (const title of ['Digest one', 'Digest two', 'Digest three']) expect(week.text).toContain(title);

      await invite('Forced');
      await entries(daily, 1);
      const run = await api.as(adminToken).post('/admin/digests/run', { period: 'daily' });
      expect(run.status).toBe(202);
      expect(run.body).toMatchObject({ period: 'daily' });
      const mails = await mailsTo(daily, 3);
      expect(mails[2].subject).toBe('Your daily digest: 1 notification');
      expect(mails[2].text).toContain('Forced');
      expect((await api.as(adminToken).post('/admin/digests/run', { period: 'hourly' })).status).toBe(400);
      expect((await sevilla.api.post('/admin/digests/run', { period: 'daily' })).status).toBe(403);
    });
  });
});

describe('Development mailbox (no SMTP_URL)', () => {
  let services: TestServices;
  let running: RunningApp;
  let adminToken: string;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  it('keeps every outgoing mail for admins at GET /admin/mailbox, newest first', async () => {
    const sevilla = await mailUser(running, adminToken, 'sevilla', 'en', 'off');
    const lliria = await mailUser(running, adminToken, 'lliria', 'en', 'instant');
    const project = await proposeProject(sevilla as never, 'Mailbox test');
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    const admin = running.api.as(adminToken);
    const page = await waitFor(
      'the mail in the mailbox',
      async () => {
        const res = await admin.get(`/admin/mailbox?to=${encodeURIComponent(lliria.email)}`);
        return res.body.total === 1 ? res.body : undefined;
      },
      15_000,
    );
    expect(page.items[0]).toMatchObject({ to: lliria.email, subject: 'Sevilla invited you to “Mailbox test”' });
    expect(page.items[0].headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(page.items[0].text).toContain(`/projects/${project.id}`);
    expect((await lliria.api.get('/admin/mailbox')).status).toBe(403);
    expect((await running.api.get('/admin/mailbox')).status).toBe(401);
  });
});
