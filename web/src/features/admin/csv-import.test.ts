import { describe, expect, it } from 'vitest';
import { columnOf, csvTextOf, importRequestOf, outcomeOfProblem, outcomeOfReport, partialMayHelp } from './csv-import';

describe('the CSV file → the import request', () => {
  it('sends the text as it is, as text/csv, with ?partial=true only when asked', () => {
    const all = importRequestOf('name,country\nA,ES', false);
    expect(all.params.query).toEqual({});
    expect(all.headers['Content-Type']).toBe('text/csv');
    expect(all.bodySerializer(all.body)).toBe('name,country\nA,ES');
    expect(importRequestOf('x', true).params.query).toEqual({ partial: true });
  });

  it('reads the picked file as UTF-8 and drops a spreadsheet byte-order mark', async () => {
    expect(await csvTextOf(new Blob(['\uFEFFname,country\nLlíria,ES']))).toBe('name,country\nLlíria,ES');
  });
});

describe('the import report', () => {
  it('finds the column a message names (location.* are the lat / lng columns)', () => {
    expect(columnOf('country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one')).toBe('country');
    expect(columnOf('location.lat must be a number from -90 to 90')).toBe('lat');
    expect(columnOf('designationYear must be a whole year from 2004 to 2025')).toBe('designationYear');
    expect(columnOf('expected 7 values, found 3')).toBeNull();
    expect(columnOf('the same city (name and country) is already on line 2')).toBeNull();
  });

  it('groups a refused file’s errors by line, in file order, and keeps what names no line', () => {
    const outcome = outcomeOfProblem({
      title: 'Invalid input',
      status: 400,
      errors: [
        { field: 'line 5', message: 'designationYear must be a whole year from 2004 to 2025' },
        { field: 'line 3', message: 'name is required' },
        { field: 'line 5', message: 'region must be one of africa, …' },
        { field: 'body', message: 'too big' },
      ],
    });
    expect(outcome.applied).toBe(false);
    expect(outcome.badLines).toEqual([
      { line: 3, name: null, problems: [{ column: 'name', message: 'name is required' }] },
      {
        line: 5,
        name: null,
        problems: [
          { column: 'designationYear', message: 'designationYear must be a whole year from 2004 to 2025' },
          { column: 'region', message: 'region must be one of africa, …' },
        ],
      },
    ]);
    expect(outcome.fileProblems).toEqual(['body: too big']);
    expect(partialMayHelp(outcome)).toBe(false);
    expect(partialMayHelp({ ...outcome, fileProblems: [] })).toBe(true);
  });

  it('offers no partial import when the file itself is refused (its header, line 1) or said nothing per line', () => {
    const header = outcomeOfProblem({ title: 'Invalid input', status: 400, errors: [{ field: 'line 1', message: 'missing column(s): region' }] });
    expect(partialMayHelp(header)).toBe(false);
    const plain = outcomeOfProblem({ title: 'Payload Too Large', status: 413, detail: 'Body over 1 MB' });
    expect(plain.fileProblems).toEqual(['Body over 1 MB']);
  });

  it('reads a partial import’s report: counts and bad lines with their names', () => {
    const outcome = outcomeOfReport({
      applied: true,
      partial: true,
      imported: 2,
      alreadyRegistered: 1,
      rows: 4,
      rejected: [{ line: 4, name: 'Atlantis', reasons: ['country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one'] }],
    });
    expect(outcome).toMatchObject({ applied: true, partial: true, imported: 2, alreadyRegistered: 1, fileProblems: [] });
    expect(outcome.badLines).toEqual([{ line: 4, name: 'Atlantis', problems: [{ column: 'country', message: expect.stringMatching(/^country/) }] }]);
  });
});
