import { ForbiddenError } from '@app/domain';
import { ListCitySummariesQuery } from '../../contracts';
import { CityRepository } from '../../persistence/city.repository';
import { ADMIN, contextOf, createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import { parseCityCsv } from './city-csv';
import { ImportCitiesCommand } from './import-cities.command';

const HEADER = 'name,country,region,field,designationYear,lat,lng';
const GOOD = ['Bologna,IT,europe-north-america,music,2006,44.49,11.34', 'Popayán,CO,latin-america-caribbean,gastronomy,2005,2.44,-76.61'];
const BAD = 'Atlantis,XX,europe-north-america,music,2010,,';

describe('ImportCities and the seeds (handler against MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;

  beforeAll(async () => {
    mongo = await startMongo('import_cities');
    cities = await createCitiesTestModule(mongo.uri);
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  const importCsv = (lines: string[], partial = false, ctx = ADMIN) =>
    cities.commands.execute(new ImportCitiesCommand(parseCityCsv([HEADER, ...lines].join('\n')), { partial }, ctx));
  const names = async () => (await cities.queries.execute(new ListCitySummariesQuery())).map((c) => c.name);
  const registeredEvents = async () => (await cities.log.listAll()).filter((e) => e.type === 'CityRegistered');

  it('imports nothing from a file with a bad row, and says which line and why', async () => {
    const report = await importCsv([GOOD[0], BAD, GOOD[1]]);
    expect(report).toEqual({
      applied: false,
      partial: false,
      rows: 3,
      imported: 0,
      alreadyRegistered: 0,
      rejected: [{ line: 3, name: 'Atlantis', reasons: ['country must be an ISO 3166-1 alpha-2 country code such as "ES"; "XX" is not one'] }],
    });
    expect(await names()).toEqual([]);
  });

  it('imports the good rows with partial, one CityRegistered each', async () => {
    const report = await importCsv([GOOD[0], BAD, GOOD[1]], true);
    expect(report).toMatchObject({ applied: true, partial: true, rows: 3, imported: 2, alreadyRegistered: 0, rejected: [{ line: 3 }] });
    expect(await names()).toEqual(['Bologna', 'Popayán']);
    expect(await registeredEvents()).toHaveLength(2);
  });

  it('is idempotent: importing again changes nothing and records nothing', async () => {
    const before = await cities.log.lastSeq();
    const report = await importCsv(['POPAYAN,co,latin-america-caribbean,gastronomy,2005,,', GOOD[0]]);
    expect(report).toMatchObject({ applied: true, imported: 0, alreadyRegistered: 2, rejected: [] });
    expect(await cities.log.lastSeq()).toBe(before);
  });

  it('is reserved to admins and the system', async () => {
    await expect(importCsv(['Dakar,SN,africa,media-arts,2014,,'], false, contextOf('city', 'x'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await names()).not.toContain('Dakar');
  });

  it('loads the 11 seed cities once, even when two instances seed at the same time', async () => {
    const [a, b] = await Promise.all([cities.seeder.seed(), cities.seeder.seed()]);
    expect(a.imported + b.imported).toBe(11);
    expect(await names()).toEqual(expect.arrayContaining(['Sevilla', 'Llíria', 'Manises', 'Valencia']));
    expect(await registeredEvents()).toHaveLength(2 + 11);
    const again = await cities.seeder.seed();
    expect(again).toMatchObject({ imported: 0, alreadyRegistered: 11 });
    expect(await registeredEvents()).toHaveLength(2 + 11);
  });

  it('retries once when another process registered some of the cities between its check and its write', async () => {
    const repository = cities.moduleRef.get(CityRepository);
    // The first check misses Bologna, as if it was registered by someone else right after.
    const check = jest.spyOn(repository, 'registeredKeys').mockResolvedValueOnce(new Set());
    const report = await importCsv([GOOD[0], 'Dakar,SN,africa,media-arts,2014,14.69,-17.44']);
    expect(check).toHaveBeenCalledTimes(2);
    expect(report).toMatchObject({ applied: true, imported: 1, alreadyRegistered: 1 });
    expect(await names()).toContain('Dakar');
    check.mockRestore();
  });
});
