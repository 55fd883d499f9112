import { findForbiddenKeys } from './forbidden-keys';

describe('findForbiddenKeys', () => {
  it('names $-keys and prototype keys at any depth, and nothing else', () => {
    const body = JSON.parse('{"a":{"$gt":""},"b":[{"__proto__":{"x":1}}],"constructor":{"prototype":1},"c":{"prototype":2},"ok":"$value"}');
    expect(
      findForbiddenKeys(body)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['a.$gt', 'b.0.__proto__', 'c.prototype', 'constructor']);
    expect(findForbiddenKeys({ title: 'x', tags: ['$where', '__proto__'], n: null })).toEqual([]);
    expect(findForbiddenKeys('a string')).toEqual([]);
  });

  it('finds a key nested far deeper than any call stack, and reports at most 20', () => {
    let deep: unknown = { $where: 1 };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findForbiddenKeys(deep)).toHaveLength(1);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`$k${i}`, i]));
    expect(findForbiddenKeys(many)).toHaveLength(20);
  });
});
