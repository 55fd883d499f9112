import type { Socket } from 'socket.io-client';
import { appWithCities } from './support/app-with-cities';
import { ok } from './support/http-expectations';
import { connectLive, emitWithAck, Inbox } from './support/live-client';
import { sharePractice } from './support/practices';

/** SPEC §5 `practice:watch`: comments, endorsements and edits live, with the moderation rules of the practice's timeline. */
describe('Live practice updates (practice:watch)', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((s) => s.close())); // before the app stops
  const { app, admin, users } = appWithCities(['bilbao', 'valencia', 'sevilla']);
  const [bilbao, valencia, sevilla] = users;

  async function watcher(token: string, practiceId: string, sinceSeq?: number) {
    const socket = await connectLive(app.running.origin, token);
    sockets.push(socket);
    const events = new Inbox(socket, 'practice.event');
    const ack = await emitWithAck(socket, 'practice:watch', sinceSeq === undefined ? { practiceId } : { practiceId, sinceSeq });
    return { socket, events, ack };
  }

  it('pushes comments, endorsements and edits to watchers, and replays what they missed', async () => {
    const practice = await sharePractice(bilbao, { title: 'Talleres de diseño en el casco antiguo', language: 'es' });
    const valenciaWatch = await watcher(valencia.token, practice.id, 0);
    expect(valenciaWatch.ack).toMatchObject({ ok: true, missed: [{ practiceId: practice.id, type: 'PracticeShared', seq: expect.any(Number) }] });

    await ok(sevilla.api.post(`/practices/${practice.id}/comments`, { text: '¡Muy inspirador!' }));
    const [commented] = await valenciaWatch.events.waitFor((e) => e.type === 'PracticeCommented');
    expect(commented).toMatchObject({ practiceId: practice.id, data: { text: '¡Muy inspirador!' } });
    await ok(sevilla.api.post(`/practices/${practice.id}/endorsements`, {}));
    await valenciaWatch.events.waitFor((e) => e.type === 'PracticeEndorsed');
    await ok(bilbao.api.patch(`/practices/${practice.id}`, { summary: 'Tiendas vacías prestadas a jóvenes diseñadores' }));
    await valenciaWatch.events.waitFor((e) => e.type === 'PracticeUpdated');

    // A reconnecting client asks from the last seq it has: it gets exactly what came after.
    const last = valenciaWatch.events.received[0].seq;
    const again = await watcher(valencia.token, practice.id, last);
    expect(again.ack.missed.map((e: { type: string }) => e.type)).toEqual(['PracticeEndorsed', 'PracticeUpdated']);
    const seqs = valenciaWatch.events.received.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('keeps reports and hidden comments to admins and the comment’s author city, and drops watchers of a hidden practice', async () => {
    const practice = await sharePractice(bilbao);
    const valenciaWatch = await watcher(valencia.token, practice.id);
    const sevillaWatch = await watcher(sevilla.token, practice.id);
    const adminWatch = await watcher(app.adminToken, practice.id);
    const bilbaoWatch = await watcher(bilbao.token, practice.id);

    const comment = await ok(sevilla.api.post(`/practices/${practice.id}/comments`, { text: 'Spam spam spam' }));
    await ok(valencia.api.post(`/comments/${comment.id}/reports`, { reason: 'spam' }));
    await adminWatch.events.waitFor((e) => e.type === 'CommentReported');
    await ok(admin.post(`/comments/${comment.id}/hide`, { reason: 'Advertising' }));
    await adminWatch.events.waitFor((e) => e.type === 'CommentHidden');
    await sevillaWatch.events.waitFor((e) => e.type === 'CommentHidden');

    // Then the practice itself is hidden: its author city and admins still follow it, the others leave.
    await ok(admin.post(`/practices/${practice.id}/hide`, { reason: 'Copied from elsewhere' }));
    await bilbaoWatch.events.waitFor((e) => e.type === 'PracticeHidden');
    await ok(bilbao.api.patch(`/practices/${practice.id}`, { summary: 'Rewritten in our own words' }));
    await bilbaoWatch.events.waitFor((e) => e.type === 'PracticeUpdated');
    await adminWatch.events.waitFor((e) => e.type === 'PracticeUpdated');

    const seenByValencia = valenciaWatch.events.received.map((e) => e.type);
    expect(seenByValencia).toEqual(['PracticeCommented']);
    expect(sevillaWatch.events.received.map((e) => e.type)).toEqual(['PracticeCommented', 'CommentHidden']);
    const rewatch = await emitWithAck(valenciaWatch.socket, 'practice:watch', { practiceId: practice.id });
    expect(rewatch).toEqual({ ok: false, error: 'forbidden: you may not see this practice' });
  });

  it('refuses invalid payloads and unknown practices', async () => {
    const socket = await connectLive(app.running.origin, valencia.token);
    sockets.push(socket);
    expect(await emitWithAck(socket, 'practice:watch', { practiceId: '' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('practiceId'),
    });
    expect(await emitWithAck(socket, 'practice:watch', { projectId: 'x' })).toMatchObject({ ok: false });
    expect(await emitWithAck(socket, 'practice:watch', { practiceId: 'nope' })).toEqual({
      ok: false,
      error: 'forbidden: you may not see this practice',
    });
    expect(await emitWithAck(socket, 'practice:unwatch', { practiceId: 'nope' })).toEqual({ ok: true });
  });
});
