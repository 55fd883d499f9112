import { TestServices } from '@app/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { startMongoProcess } from './support/mongo-process';
import { startApp, type RunningApp } from './support/test-app';

/**
 * The open-data exports stream from a cursor with constant memory: 40,000 practices (10–18 MB)
 * exported while this process's heap grows by less than half of what was sent (an export built in
 * memory would grow it by at least its size; measured: 1–3 MB at 40,000 and at 100,000). The
 * practices are written straight into the read model (what its projector would write, but 40,000
 * shares through the API would take minutes), and the database runs in a child process, so the
 * heap measured is the application's (and this test's client, which reads the answer chunk by
 * chunk and keeps nothing).
 */
describe('Open-data exports stream with constant memory', () => {
  const PRACTICES = 40_000;
  let mongo: { uri: string; stop(): Promise<void> };
  let services: TestServices;
  let running: RunningApp;
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;

  beforeAll(async () => {
    mongo = await startMongoProcess();
    services = await TestServices.start({ mongoUri: mongo.uri });
    running = await startApp(services, { SEED_ON_START: 'false' });
    const practices = running.app.get<Connection>(getConnectionToken()).db!.collection<{ _id: string }>('insight_practices');
    const at = new Date('2026-03-01T10:00:00Z');
    for (let start = 0; start < PRACTICES + 10; start += 5000) {
      const batch = [];
      for (let i = start; i < Math.min(start + 5000, PRACTICES + 10); i++) {
        batch.push({
          _id: `practice-${String(i).padStart(6, '0')}`,
          title: i % 7 === 0 ? `=Formula-looking practice ${i}` : `Practice number ${i}, with a comma`,
          summary: `A summary of practice ${i} long enough to look like one: "quoted", accents àéîõü and a line\nbreak.`,
          field: 'music',
          actionArea: 'research',
          sdgs: [4, 11],
          tags: ['heritage', `tag ${i % 50}`],
          language: 'en',
          authorCityId: `city-${i % 300}`,
          // The ten past PRACTICES are hidden: left out of the export.
          status: i < PRACTICES ? 'published' : 'hidden',
          endorsementCount: i % 5,
          sharedAt: at,
          month: '2026-03',
          updatedAt: at,
          seq: 1,
        });
      }
      await practices.insertMany(batch);
    }
  }, 300_000);

  afterAll(async () => {
    await running?.close();
    await services?.stop();
    await mongo?.stop();
  });

  /**
   * Downloads an export, counting its lines as they come, with the peak of the live heap above the
   * start: every 2 MB received, a full collection, then `heapUsed` (without it the figure would be
   * the garbage V8 has not collected yet, not what the export keeps).
   */
  async function download(path: string): Promise<{ status: number; lines: number; bytes: number; growth: number }> {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const res = await fetch(`${running.origin}/api/v1${path}`);
    const reader = res.body!.getReader();
    let lines = 0;
    let bytes = 0;
    let nextSample = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 0x0a) lines += 1;
      if (bytes >= nextSample) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        nextSample = bytes + 2 * 1024 * 1024;
      }
    }
    return { status: res.status, lines, bytes, growth: peak - baseline };
  }

  it.each(['csv', 'json'])(
    'exports 40,000 practices as %s with the heap growing by less than half of what it sends',
    async (format) => {
      const result = await download(`/exports/practices.${format}`);
      // JSON: `[`, one per practice, `]`; CSV: a header and each summary's line break.
      const expectedLines = { json: PRACTICES + 2, csv: 1 + 2 * PRACTICES }[format];
      expect({ status: result.status, lines: result.lines }).toEqual({ status: 200, lines: expectedLines });
      expect(result.bytes).toBeGreaterThan(PRACTICES * 200);
      process.stdout.write(
        `practices.${format}: ${(result.bytes / 1e6).toFixed(1)} MB sent, heap grew by at most ${(result.growth / 1048576).toFixed(1)} MB\n`,
      );
      expect(result.growth).toBeLessThan(result.bytes / 2);
    },
    300_000,
  );
});
