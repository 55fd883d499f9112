import { jsonShape } from './json-shape';

describe('jsonShape (entries counted before parsing)', () => {
  const shapeOf = (value: unknown) => jsonShape(JSON.stringify(value, null, 1));

  it('counts the top level, as Object.keys would, whatever is nested', () => {
    expect(shapeOf({ a: 1, b: [1, 2, 3], c: { d: {}, e: [] } })).toEqual({ top: 3, topIsArray: false });
    expect(shapeOf([[], [1], {}])).toEqual({ top: 3, topIsArray: true });
    expect(shapeOf({})).toEqual({ top: 0, topIsArray: false });
    expect(shapeOf('text')).toEqual({ top: 0, topIsArray: false });
  });

  it('ignores commas, brackets, braces and escaped quotes inside strings', () => {
    expect(shapeOf({ 'a,b': 'x, y ] } { [ "z" \\', n: ['",', '\\"'] })).toEqual({ top: 2, topIsArray: false });
  });

  it('counts 60,000 keys exactly', () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`key${i}`, { n: [i, i] }])));
    expect(jsonShape(body)).toEqual({ top: 60_000, topIsArray: false });
  });
});
