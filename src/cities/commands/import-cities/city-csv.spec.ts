import { checkImportRows } from './check-import-rows';
import { MAX_IMPORT_ROWS, parseCityCsv } from './city-csv';

const HEADER = 'name,country,region,field,designationYear,lat,lng';
const today = new Date('2025-06-01T00:00:00Z');

describe('parseCityCsv', () => {
  it('reads rows with their line numbers: quotes, CRLF, BOM, blank lines, columns in any order and case', () => {
    const csv =
      '\uFEFFCountry,NAME,region,field,designationyear,lng,lat\r\n' +
      'ES,Llíria,europe-north-america,music,2019,-0.5965,39.6255\r\n\r\n' +
      'FR,"Saint-Étienne, ""la""",europe-north-america,design,2010,,\r\n';
    const { rows, problems, fatal } = parseCityCsv(csv);
    expect(fatal).toBe(false);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        input: {
          name: 'Llíria',
          country: 'ES',
          region: 'europe-north-america',
          field: 'music',
          designationYear: 2019,
          location: { lat: 39.6255, lng: -0.5965 },
        },
      },
      {
        line: 4,
        input: { name: 'Saint-Étienne, "la"', country: 'FR', region: 'europe-north-america', field: 'design', designationYear: 2010, location: null },
      },
    ]);
  });

  it('works without the optional lat and lng columns', () => {
    const { rows } = parseCityCsv('name,country,region,field,designationYear\nBurgos,ES,europe-north-america,gastronomy,2015\n');
    expect(rows[0].input).toMatchObject({ name: 'Burgos', location: null });
  });

  it('keeps the line where a record starts when a quoted value spans lines', () => {
    const { rows } = parseCityCsv(`${HEADER}\n"Two\nlines",ES,europe-north-america,music,2019,,\nBurgos,ES,europe-north-america,gastronomy,2015,,\n`);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('refuses the whole file for a bad header, naming every problem on line 1', () => {
    const result = parseCityCsv('name,country,field,year,lat\nX,ES,music,2019,1\n');
    expect(result.fatal).toBe(true);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([
      {
        line: 1,
        name: null,
        reasons: [
          'unknown column "year" (the columns are name, country, region, field, designationYear, lat, lng)',
          'missing column(s): region, designationYear',
          'lat and lng go together: give both columns or neither',
        ],
      },
    ]);
  });

  it('refuses an empty file, a file without rows and one with too many', () => {
    expect(parseCityCsv('').problems[0].reasons[0]).toMatch(/empty/);
    expect(parseCityCsv(`${HEADER}\n\n`).problems[0].reasons[0]).toMatch(/no rows/);
    expect(parseCityCsv(`${HEADER}\n${'x\n'.repeat(MAX_IMPORT_ROWS + 1)}`).problems[0].reasons).toEqual([
      `at most ${MAX_IMPORT_ROWS} rows per file; this one has ${MAX_IMPORT_ROWS + 1}`,
    ]);
  });

  it('reports a row with the wrong number of values by line', () => {
    const { rows, problems } = parseCityCsv(`${HEADER}\nBurgos,ES,europe-north-america\nGranada,ES,europe-north-america,literature,2014,,\n`);
    expect(problems).toEqual([{ line: 2, name: 'Burgos', reasons: ['expected 7 values, found 3'] }]);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });
});

describe('checkImportRows', () => {
  const rowsOf = (csv: string) => parseCityCsv(`${HEADER}\n${csv}`).rows;

  it('accepts good rows with normalized values', () => {
    const { accepted, rejected } = checkImportRows(rowsOf('Llíria,es,europe-north-america,music,2019,39.6,-0.6\n'), today);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([{ line: 2, values: expect.objectContaining({ name: 'Llíria', country: 'ES', location: { lat: 39.6, lng: -0.6 } }) }]);
  });

  it('reports every bad row with its line and every reason, in the words of the API', () => {
    const { accepted, rejected } = checkImportRows(
      rowsOf(
        [
          'Burgos,ES,europe-north-america,gastronomy,2015,,',
          'Atlantis,XX,mars,music,1999,,',
          ',ES,europe-north-america,music,2019,,',
          'Granada,ES,europe-north-america,literature,next year,,',
          'Oslo,NO,europe-north-america,music,2019,95,10',
          'Lima,PE,latin-america-caribbean,gastronomy,2017,-12,',
        ].join('\n'),
      ),
      today,
    );
    expect(accepted.map((a) => a.line)).toEqual([2]);
    expect(rejected).toEqual([
      {
        line: 3,
        name: 'Atlantis',
        reasons: [
          'country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one',
          'region must be one of: africa, arab-states, asia-pacific, europe-north-america, latin-america-caribbean',
          'designationYear must be a whole year from 2004 to 2025',
        ],
      },
      { line: 4, name: null, reasons: ['name is required'] },
      { line: 5, name: 'Granada', reasons: ['designationYear must be a whole year from 2004 to 2025'] },
      { line: 6, name: 'Oslo', reasons: ['location.lat must be a number from -90 to 90'] },
      { line: 7, name: 'Lima', reasons: ['location.lng must be a number from -180 to 180'] },
    ]);
  });

  it('refuses a second row for the same city (name without accents or case, same country)', () => {
    const { accepted, rejected } = checkImportRows(
      rowsOf(
        'Llíria,ES,europe-north-america,music,2019,,\nLLIRIA,es,europe-north-america,music,2019,,\nLlíria,VE,latin-america-caribbean,music,2019,,',
      ),
      today,
    );
    expect(accepted.map((a) => a.line)).toEqual([2, 4]);
    expect(rejected).toEqual([{ line: 3, name: 'LLIRIA', reasons: ['the same city (name and country) is already on line 2'] }]);
  });
});
