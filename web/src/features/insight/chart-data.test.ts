import { describe, expect, it } from 'vitest';
import { barRows, monthLabel, monthSeries, percent } from './chart-data';

describe('barRows', () => {
  it('sizes each bar against the largest and keeps the order given', () => {
    const rows = barRows(
      [
        { k: 'a', n: 2 },
        { k: 'b', n: 4 },
        { k: 'c', n: 0 },
      ],
      (i) => i.k,
      (i) => i.k.toUpperCase(),
      (i) => i.n,
    );
    expect(rows).toEqual([
      { key: 'a', label: 'A', count: 2, share: 0.5 },
      { key: 'b', label: 'B', count: 4, share: 1 },
      { key: 'c', label: 'C', count: 0, share: 0 },
    ]);
  });
  it('all zero: no bar has length', () => {
    expect(
      barRows(
        [{ n: 0 }],
        () => 'x',
        () => 'x',
        (i) => i.n,
      )[0].share,
    ).toBe(0);
  });
});

describe('monthSeries', () => {
  it('fills the months between, across a year end', () => {
    expect(
      monthSeries([
        { month: '2026-02', count: 1 },
        { month: '2025-11', count: 3 },
      ]),
    ).toEqual([
      { month: '2025-11', count: 3 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 0 },
      { month: '2026-02', count: 1 },
    ]);
  });
  it('keeps the last months only', () => {
    expect(
      monthSeries(
        [
          { month: '2020-01', count: 1 },
          { month: '2026-01', count: 2 },
        ],
        3,
      ).map((m) => m.month),
    ).toEqual(['2025-11', '2025-12', '2026-01']);
  });
  it('nothing counted: nothing to draw', () => {
    expect(monthSeries([])).toEqual([]);
  });
});

describe('percent', () => {
  it('rounds to whole percent', () => expect(percent(0.3333)).toBe(33));
});

describe('monthLabel', () => {
  it('names the month in the language', () => {
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
    expect(monthLabel('2026-01', 'es')).toMatch(/ene/);
  });
});
