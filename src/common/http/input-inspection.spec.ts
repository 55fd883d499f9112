import { INPUT_LIMITS, inspectInput } from './input-inspection';

const fields = (value: unknown, root?: string) => inspectInput(value, root).map((e) => e.field);

describe('inspectInput', () => {
  it('names $-keys and prototype keys at any depth, in the order sent, as hostile, and nothing else', () => {
    const body = JSON.parse('{"a":{"$gt":""},"b":[{"__proto__":{"x":1}}],"constructor":{"prototype":1},"c":{"prototype":2},"ok":"$value"}');
    expect(fields(body)).toEqual(['constructor', 'a.$gt', 'b.0.__proto__', 'c.prototype']);
    expect(inspectInput(body).every((p) => p.hostile)).toBe(true);
    expect(inspectInput({ title: 'x', tags: ['$where', '__proto__'], n: null })).toEqual([]);
    expect(inspectInput('a string')).toEqual([]);
  });

  it('refuses nesting beyond the limit without recursing, naming where it starts', () => {
    let deep: unknown = { $where: 1 };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const errors = inspectInput({ a: deep });
    expect(errors).toEqual([
      { field: `a${'.0'.repeat(INPUT_LIMITS.depth - 1)}`, message: `nests deeper than ${INPUT_LIMITS.depth} levels`, hostile: true },
    ]);
    let fine: unknown = 1;
    for (let i = 0; i < INPUT_LIMITS.depth; i++) fine = { x: fine };
    expect(inspectInput(fine)).toEqual([]);
  });

  it('names one object or array that is too large as its own field (pruned on request), and the whole input when the total is', () => {
    const many = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i]));
    expect(inspectInput(many)).toEqual([{ field: 'body', message: 'has 60000 fields; at most 100 are accepted', hostile: true }]);
    const body = { title: 'x', tags: Array.from({ length: 5000 }, () => 'a') };
    expect(inspectInput(body)).toEqual([{ field: 'tags', message: 'has 5000 items; at most 100 are accepted', hostile: false }]);
    expect(body.tags).toHaveLength(5000);
    expect(inspectInput(body, 'body', { prune: true })).toHaveLength(1);
    expect(body.tags).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, Array.from({ length: 60 }, () => 1)]));
    expect(fields(wide, 'query')).toEqual(['query']);
  });

  it('reports at most 20 problems however many there are', () => {
    const dollars = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`$k${i}`, i]));
    expect(inspectInput(dollars)).toHaveLength(INPUT_LIMITS.reported);
  });

  it('refuses lone surrogates and bidi overrides in values and keys, and accepts every well-formed script', () => {
    expect(fields({ title: 'abc\uD800', ok: '😀', list: ['x\uDC00y'] })).toEqual(['title', 'list.0']);
    expect(inspectInput({ title: 'invoice\u202Etxt.exe' })).toEqual([{ field: 'title', message: expect.stringContaining('U+202A'), hostile: false }]);
    expect(fields({ ['k\u202D']: 1 })).toEqual(['k\u202D']);
    expect(inspectInput({ name: 'الشارقة', other: 'Bogotá 東京 \u2067isolated\u2069' })).toEqual([]);
  });
});
