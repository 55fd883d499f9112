import { cell, listCell, textCell, unlistCell, untextCell } from './csv-cells';

describe('CSV cells', () => {
  it('defuses what a spreadsheet would run as a formula, and reads back exactly', () => {
    for (const text of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', "'quoted", 'Plain', '']) {
      const written = textCell(text);
      expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      expect(untextCell(written)).toBe(text);
    }
    expect(textCell('=1+1')).toBe("'=1+1");
    expect(textCell('Sevilla')).toBe('Sevilla');
  });

  it('keeps numbers as numbers, dates in ISO 8601, empty for null', () => {
    expect(cell(-17.44)).toBe('-17.44');
    expect(cell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(cell(null)).toBe('');
  });

  it('joins lists with ; and escapes a ; or \\ inside an item', () => {
    const items = ['heritage', 'a;b', 'c\\d', '=x'];
    expect(listCell([11, 8])).toBe('11;8');
    expect(unlistCell(listCell(items))).toEqual(items);
    expect(unlistCell(listCell([]))).toEqual([]);
    expect(listCell(['-x'])).toBe("'-x");
  });
});
