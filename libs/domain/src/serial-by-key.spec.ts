import { SerialByKey } from './serial-by-key';

describe('SerialByKey', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('runs the tasks of one key one after another, in arrival order, and others beside them', async () => {
    const serial = new SerialByKey();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([serial.run('p1', task('a')), serial.run('p1', task('b')), serial.run('p2', task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
  });

  it('goes on after a failed task, passes its error to its caller, and keeps nothing once idle', async () => {
    const serial = new SerialByKey();
    const failed = serial.run('p1', () => Promise.reject(new Error('boom')));
    const next = serial.run('p1', async () => 'next');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    await tick();
    expect(serial.size).toBe(0);
  });
});
