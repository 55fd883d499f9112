import { DEFAULT_JOB_OPTIONS, defineQueue, jobIdOf } from './queue-definition';
import { missingHandlers } from './missing-handlers';

describe('queue definitions', () => {
  it('makes job ids BullMQ accepts: no ":" and never an integer', () => {
    expect(jobIdOf('e1', 'c1')).toBe('e1@c1');
    expect(jobIdOf('e:1', 'city:2')).toBe('e%3A1@city%3A2');
    expect(jobIdOf('42', '7')).not.toMatch(/^\d+$/);
  });

  it('gives every queue bounded retention and exponential retries', () => {
    const q = defineQueue<{ a: { x: number } }>('q', ['a']);
    expect(q.defaultJobOptions).toMatchObject({ attempts: expect.any(Number), backoff: { type: 'exponential' } });
    expect(DEFAULT_JOB_OPTIONS.removeOnComplete).toMatchObject({ age: expect.any(Number), count: expect.any(Number) });
    expect(DEFAULT_JOB_OPTIONS.removeOnFail).toMatchObject({ age: expect.any(Number), count: expect.any(Number) });
    expect(() => defineQueue('a:b', [])).toThrow(/must not contain ":"/);
  });

  it('names every job without a processor (the start-up check)', () => {
    const q = defineQueue<{ a: object; b: object }>('q', ['a', 'b']);
    const other = defineQueue<{ c: object }>('other', ['c']);
    const handlesA = { queue: q, handlers: { a: async () => undefined } };
    expect(missingHandlers([q, other], [handlesA])).toEqual([
      { queue: 'q', job: 'b' },
      { queue: 'other', job: 'c' },
    ]);
    expect(missingHandlers([q], [handlesA, { queue: q, handlers: { b: async () => undefined } }])).toEqual([]);
  });
});
