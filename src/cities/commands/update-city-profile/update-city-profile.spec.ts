import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '@app/domain';
import type { CityView } from '../../queries/get-city/city.view';
import { ADMIN, cityInput, contextOf, createCitiesTestModule, startMongo, type CitiesTestModule } from '../../testing/cities-test-module';
import { RegisterCityCommand } from '../register-city/register-city.command';
import { UpdateCityProfileCommand } from './update-city-profile.command';

describe('UpdateCityProfile (handler against MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let cities: CitiesTestModule;
  let city: CityView;

  beforeAll(async () => {
    mongo = await startMongo('update_city');
    cities = await createCitiesTestModule(mongo.uri);
    city = await cities.commands.execute(new RegisterCityCommand(cityInput(), ADMIN));
  });
  afterAll(async () => {
    await cities?.close();
    await mongo?.stop();
  });

  const update = (input: Record<string, unknown>, version?: number, ctx = contextOf('city', city.id)) =>
    cities.commands.execute(new UpdateCityProfileCommand(city.id, input, version, ctx));

  it('lets a user of the city change its profile: new version, CityProfileUpdated with the changes', async () => {
    const updated = await update({ description: 'Ciudad de la música', languages: ['es', 'ca'] }, 1);
    expect(updated).toMatchObject({ description: 'Ciudad de la música', languages: ['es', 'ca'], version: 2 });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(city.updatedAt).getTime());
    const events = await cities.log.listForAggregate('city', city.id);
    expect(events.map((e) => e.type)).toEqual(['CityRegistered', 'CityProfileUpdated']);
    expect(events[1].data).toEqual({ name: 'Llíria', changes: { description: 'Ciudad de la música', languages: ['es', 'ca'] } });
    expect(events[1].actor).toEqual({ userId: `user-${city.id}`, cityId: city.id });
  });

  it('writes nothing when nothing changes', async () => {
    const before = await cities.log.lastSeq();
    const same = await update({ description: 'Ciudad de la música' });
    expect(same.version).toBe(2);
    expect(await cities.log.lastSeq()).toBe(before);
  });

  it('answers 409 to a stale version, and to the loser of two concurrent updates from one version', async () => {
    await expect(update({ website: 'https://lliria.es' }, 1)).rejects.toMatchObject({ code: 'city.stale-version' });
    const results = await Promise.allSettled([update({ website: 'https://a.example.org' }, 2), update({ website: 'https://b.example.org' }, 2)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toBeInstanceOf(ConflictError);
    const events = await cities.log.listForAggregate('city', city.id);
    expect(events.filter((e) => e.type === 'CityProfileUpdated')).toHaveLength(2);
  });

  it('applies both of two concurrent updates sent without a version (last write wins, no 409)', async () => {
    const results = await Promise.all([update({ description: 'first' }), update({ languages: ['ca'] })]);
    expect(results.map((r) => r.version).sort()).toEqual([4, 5]);
    const stored = await cities.commands.execute(new UpdateCityProfileCommand(city.id, {}, undefined, ADMIN));
    expect(stored).toMatchObject({ description: 'first', languages: ['ca'], version: 5 });
  });

  it('lets an admin change any city, and refuses a user of another city (403)', async () => {
    expect((await update({ location: null }, undefined, ADMIN)).location).toBeNull();
    await expect(update({ description: 'mine now' }, undefined, contextOf('city', 'another-city'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers 404 for an unknown city and 400 for a bad value', async () => {
    await expect(cities.commands.execute(new UpdateCityProfileCommand('nope', { description: 'x' }, undefined, ADMIN))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(update({ website: 'javascript:alert(1)' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
