import { MicroBatcher } from './micro-batcher';

/** A batch function that finishes only when told, recording what it got. */
function gated() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = (xs: number[]) => {
    batches.push(xs);
    return new Promise<number[]>((resolve) => gates.push(() => resolve(xs.map((x) => x * 10))));
  };
  return { batches, run, open: () => gates.shift()?.() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('MicroBatcher', () => {
  it('runs the calls of one turn as one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (xs) => (batches.push(xs), xs.map((x) => x * 2)));
    expect(await Promise.all([1, 2, 3].map((x) => batcher.add(x)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('sends a call that finds it idle at once, without waiting for the timer', async () => {
    const { batches, run } = gated();
    const batcher = new MicroBatcher<number, number>(run, 100, 10_000);
    void batcher.add(1);
    await Promise.resolve(); // one microtask: no timer can have fired
    expect(batches).toEqual([[1]]);
  });

  it('gathers the calls made while it is busy, for up to maxWaitMs', async () => {
    const { batches, run, open } = gated();
    const batcher = new MicroBatcher<number, number>(run, 100, 300);
    const first = batcher.add(1);
    await turn();
    const later = [2, 3, 4].map(async (x) => {
      await sleep(x);
      return batcher.add(x);
    });
    await sleep(20);
    expect(batches).toEqual([[1]]); // the others linger: the batcher is busy
    await sleep(400);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    open();
    open();
    expect([await first, ...(await Promise.all(later))]).toEqual([10, 20, 30, 40]);
  });

  it('flushes at the size limit without waiting', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (xs) => (batches.push(xs), xs), 2, 10_000);
    await Promise.all([1, 2, 3, 4].map((x) => batcher.add(x)));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('fails only the inputs whose result is an error, or all when the batch throws, and goes on after', async () => {
    const partial = new MicroBatcher<number, number>(async (xs) => xs.map((x) => (x === 2 ? new Error('two') : x)));
    const results = await Promise.allSettled([1, 2, 3].map((x) => partial.add(x)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    let down = true;
    const flaky = new MicroBatcher<number, number>(async (xs) => (down ? Promise.reject(new Error('down')) : xs), 100, 1);
    await expect(Promise.all([flaky.add(1), flaky.add(2)])).rejects.toThrow('down');
    down = false;
    expect(await flaky.add(3)).toBe(3);
  });
});
