import { NotFoundError } from '@app/domain';
import { CityExistsQuery, GetCitySummaryQuery, ListCitySummariesQuery } from '../../contracts';
import { createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import { ListCitiesQuery } from '../list-cities/list-cities.query';
import { GetCityQuery } from './get-city.query';

describe('GetCity and the queries of contracts.ts (handlers against MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;
  let sevillaId: string;
  let bilbaoId: string;

  beforeAll(async () => {
    mongo = await startMongo('get_city');
    cities = await createCitiesTestModule(mongo.uri, { seedOnStart: true });
    const idOf = async (q: string) => (await cities.queries.execute(new ListCitiesQuery({ q }, { page: 1, limit: 1 }))).items[0].id;
    [sevillaId, bilbaoId] = [await idOf('sevilla'), await idOf('bilbao')];
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  it('answers one city with every field, and 404 for an unknown id', async () => {
    const city = await cities.queries.execute(new GetCityQuery(bilbaoId));
    expect(city).toEqual({
      id: bilbaoId,
      name: 'Bilbao',
      slug: 'bilbao-es',
      country: 'ES',
      region: 'europe-north-america',
      field: 'design',
      designationYear: 2014,
      location: { lat: 43.263, lng: -2.935 },
      languages: ['es', 'eu'],
      description: null,
      website: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: city.createdAt,
      version: 1,
    });
    await expect(cities.queries.execute(new GetCityQuery('nope'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('tells other modules whether a city exists, and its summary', async () => {
    expect(await cities.queries.execute(new CityExistsQuery(sevillaId))).toBe(true);
    expect(await cities.queries.execute(new CityExistsQuery('nope'))).toBe(false);
    expect(await cities.queries.execute(new GetCitySummaryQuery(sevillaId))).toEqual({
      id: sevillaId,
      name: 'Sevilla',
      slug: 'sevilla-es',
      country: 'ES',
      region: 'europe-north-america',
      field: 'music',
      designationYear: 2006,
      languages: ['es'],
      location: { lat: 37.3891, lng: -5.9845 },
    });
    expect(await cities.queries.execute(new GetCitySummaryQuery('nope'))).toBeNull();
  });

  it('lists summaries of every city or of the given ones, skipping unknown ids', async () => {
    expect(await cities.queries.execute(new ListCitySummariesQuery())).toHaveLength(11);
    const some = await cities.queries.execute(new ListCitySummariesQuery([sevillaId, 'nope', bilbaoId]));
    expect(some.map((c) => c.name)).toEqual(['Bilbao', 'Sevilla']);
  });
});
