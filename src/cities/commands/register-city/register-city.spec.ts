import { ConflictError, ForbiddenError, InvalidInputError } from '@app/domain';
import { ADMIN, cityInput, contextOf, createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import { RegisterCityCommand } from './register-city.command';

describe('RegisterCity (handler against MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;

  beforeAll(async () => {
    mongo = await startMongo('register_city');
    cities = await createCitiesTestModule(mongo.uri);
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  const register = (input: Record<string, unknown>, ctx = ADMIN) => cities.commands.execute(new RegisterCityCommand(input as never, ctx));

  it('stores the city at version 1 and records CityRegistered with it, in the log', async () => {
    const city = await register(cityInput({ name: 'Burgos', field: 'gastronomy', designationYear: 2015 }));
    expect(city).toMatchObject({ name: 'Burgos', slug: 'burgos-es', country: 'ES', version: 1, languages: [], location: null });
    const events = await cities.log.listForAggregate('city', city.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'CityRegistered',
      aggregateId: city.id,
      actor: { userId: 'user-admin', cityId: null },
      data: { name: 'Burgos' },
    });
  });

  it('answers 409 for the same name and country, ignoring accents and case, and records nothing', async () => {
    await register(cityInput({ name: 'Dénia', field: 'gastronomy' }));
    const before = await cities.log.lastSeq();
    const error = await register(cityInput({ name: 'DENIA', field: 'gastronomy' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('city.duplicate');
    expect((error as Error).message).toBe('A city with the name "DENIA" and country ES already exists');
    expect(await cities.log.lastSeq()).toBe(before);
    // Same name in another country is another city.
    expect((await register(cityInput({ name: 'Dénia', country: 'FR' }))).country).toBe('FR');
  });

  it('lets exactly one of several concurrent registrations of one city win (the unique index decides)', async () => {
    const names = ['Terrassa', 'terrassa', 'TERRASSA', 'Terrassa ', 'Terràssa'];
    const results = await Promise.allSettled(names.map((name) => register(cityInput({ name, field: 'film' }))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as ConflictError).code)).toEqual(Array(names.length - 1).fill('city.duplicate'));
    const events = (await cities.log.listAll()).filter((e) => e.type === 'CityRegistered' && (e.data as { slug: string }).slug === 'terrassa-es');
    expect(events).toHaveLength(1);
  });

  it('refuses a city user (403) and a bad value (400), storing nothing', async () => {
    await expect(register(cityInput({ name: 'Granada' }), contextOf('city', 'x'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(register(cityInput({ name: 'Granada', designationYear: 2003 }))).rejects.toBeInstanceOf(InvalidInputError);
    expect((await cities.log.listAll()).some((e) => (e.data as { name?: string }).name === 'Granada')).toBe(false);
  });
});
