import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs the calls of one moment as one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(async (xs) => (batches.push(xs), xs.map((x) => x * 2)), 100, 1);
    expect(await Promise.all([1, 2, 3].map((x) => batcher.add(x)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
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

  it('fails only the inputs whose result is an error, or all when the batch throws', async () => {
    const partial = new MicroBatcher<number, number>(async (xs) => xs.map((x) => (x === 2 ? new Error('two') : x)), 100, 1);
    const results = await Promise.allSettled([1, 2, 3].map((x) => partial.add(x)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const broken = new MicroBatcher<number, number>(async () => Promise.reject(new Error('down')), 100, 1);
    await expect(Promise.all([broken.add(1), broken.add(2)])).rejects.toThrow('down');
  });
});
