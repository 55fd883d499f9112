import { ReadCache } from './read-cache';

describe('ReadCache', () => {
  const load = (value: unknown) => jest.fn(() => Promise.resolve(value));

  it('keeps an answer until an event of its aggregate, or of its type for a list, makes it stale', async () => {
    const cache = new ReadCache();
    const city = load({ name: 'Llíria' });
    const list = load(['Llíria']);
    await cache.read('/cities/a', ['city:a'], city);
    await cache.read('/cities/a', ['city:a'], city);
    await cache.read('/cities', ['city'], list);
    expect(city).toHaveBeenCalledTimes(1);

    cache.invalidate('city', 'b'); // another city: the list may have changed, city a has not
    await cache.read('/cities/a', ['city:a'], city);
    await cache.read('/cities', ['city'], list);
    expect(city).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenCalledTimes(2);

    cache.invalidate('city', 'a');
    await cache.read('/cities/a', ['city:a'], city);
    expect(city).toHaveBeenCalledTimes(2);
    cache.invalidate('project', 'a'); // another aggregate type with the same id
    expect(cache.get('/cities/a')).toBeDefined();
    expect(cache.stats).toEqual({ entries: 2, hits: 3, misses: 4 });
  });

  it('does not keep as current what was read while an event of it arrived', async () => {
    const cache = new ReadCache();
    let finish!: (value: string) => void;
    const reading = cache.read('/projects/p', ['project:p'], () => new Promise<string>((resolve) => (finish = resolve)));
    cache.invalidate('project', 'p'); // committed while the read was on its way
    finish('before the commit');
    expect(await reading).toBe('before the commit');
    expect(cache.get('/projects/p')).toBeUndefined();
    expect(await cache.read('/projects/p', ['project:p'], () => Promise.resolve('after'))).toBe('after');
    expect(cache.get('/projects/p')).toEqual(expect.objectContaining({ value: 'after' }));
  });

  it('never keeps a failed read', async () => {
    const cache = new ReadCache();
    await expect(cache.read('/cities/x', ['city:x'], () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect(cache.get('/cities/x')).toBeUndefined();
    expect(cache.stats.entries).toBe(0);
  });
});
