import { CommitTurn } from './commit-turn';

describe('CommitTurn', () => {
  it('gives one turn at a time, in the order asked', async () => {
    const turn = new CommitTurn();
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4].map(async (n) => {
        const release = await turn.take();
        inside++;
        most = Math.max(most, inside);
        log.push(`start ${n}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${n}`);
        inside--;
        release();
      }),
    );
    expect(most).toBe(1);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3', 'start 4', 'end 4']);
    expect(turn.pending).toBe(0);
  });

  it('a release called twice does not let two callers in', async () => {
    const turn = new CommitTurn();
    const first = await turn.take();
    const second = turn.take();
    const third = turn.take();
    first();
    first();
    const releaseSecond = await second;
    const raced = await Promise.race([third.then(() => 'third got in'), new Promise((r) => setImmediate(() => r('third waits')))]);
    expect(raced).toBe('third waits');
    releaseSecond();
    (await third)();
    expect(turn.pending).toBe(0);
  });
});
