import { createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import type { CityFilter } from '../../persistence/city.reader';
import { ListCitiesQuery } from './list-cities.query';

describe('ListCities (handler against MongoDB, over the seed cities)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;

  beforeAll(async () => {
    mongo = await startMongo('list_cities');
    cities = await createCitiesTestModule(mongo.uri, { seedOnStart: true });
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  const list = (filter: CityFilter, page = 1, limit = 20) => cities.queries.execute(new ListCitiesQuery(filter, { page, limit }));
  const namesOf = async (filter: CityFilter) => (await list(filter)).items.map((c) => c.name);

  it('lists every city sorted by name, ignoring accents', async () => {
    const page = await list({});
    expect(page.total).toBe(11);
    expect(page.items.map((c) => c.name)).toEqual([
      'Barcelona',
      'Bilbao',
      'Burgos',
      'Dénia',
      'Granada',
      'Llíria',
      'Manises',
      'Sevilla',
      'Terrassa',
      'Valencia',
      'Valladolid',
    ]);
  });

  it('finds a name by part of it without regard to accents or case', async () => {
    expect(await namesOf({ q: 'lliria' })).toEqual(['Llíria']);
    expect(await namesOf({ q: 'LLÍ' })).toEqual(['Llíria']);
    expect(await namesOf({ q: 'denia' })).toEqual(['Dénia']);
    expect(await namesOf({ q: 'vall' })).toEqual(['Valladolid']);
    expect(await namesOf({ q: 'zzz' })).toEqual([]);
  });

  it('filters by field, region and country, combined', async () => {
    expect(await namesOf({ field: 'crafts-folk-art' })).toEqual(['Manises']);
    expect(await namesOf({ field: 'film', region: 'europe-north-america', country: 'ES' })).toEqual(['Terrassa', 'Valladolid']);
    expect(await namesOf({ region: 'africa' })).toEqual([]);
    expect(await namesOf({ country: 'FR' })).toEqual([]);
    expect(await namesOf({ field: 'music', q: 'sev' })).toEqual(['Sevilla']);
  });

  it('pages: items, total, page, limit', async () => {
    const second = await list({}, 2, 4);
    expect(second).toMatchObject({ total: 11, page: 2, limit: 4 });
    expect(second.items.map((c) => c.name)).toEqual(['Granada', 'Llíria', 'Manises', 'Sevilla']);
    expect((await list({}, 4, 4)).items).toEqual([]);
  });
});
