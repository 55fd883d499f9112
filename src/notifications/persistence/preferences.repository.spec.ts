import { startTestMongo, type TestMongo } from '@app/testing';
import mongoose, { type Connection, type Model } from 'mongoose';
import { NotificationPreferencesDocument, NotificationPreferencesSchema } from './notification-preferences.schema';
import { PreferencesRepository } from './preferences.repository';

describe('PreferencesRepository.save (MongoDB)', () => {
  let mongo: TestMongo;
  let connection: Connection;
  let repository: PreferencesRepository;

  beforeAll(async () => {
    mongo = await startTestMongo('preferences_repo');
    connection = await mongoose.createConnection(mongo.uri).asPromise();
    const model = connection.model(
      NotificationPreferencesDocument.name,
      NotificationPreferencesSchema,
    ) as unknown as Model<NotificationPreferencesDocument>;
    await model.init();
    repository = new PreferencesRepository(model);
  });

  afterAll(async () => {
    await connection?.close();
    await mongo?.stop();
  });

  const weekly = { mutedTypes: [] };

  it('lets exactly one of several racing first saves (version 0) win', async () => {
    const saved = await Promise.all(Array.from({ length: 10 }, () => repository.save('city-race', weekly, 0)));
    expect(saved.filter((s) => s !== null)).toHaveLength(1);
    expect(await repository.find('city-race')).toMatchObject({ version: 1, mutedTypes: [] });
  });

  it('refuses version 0 once saved, and a stale version; applies the current one', async () => {
    await repository.save('city-a', weekly, 0);
    expect(await repository.save('city-a', { mutedTypes: ['PracticeShared'] }, 0)).toBeNull();
    expect(await repository.save('city-a', { mutedTypes: ['PracticeShared'] }, 7)).toBeNull();
    expect(await repository.save('city-a', { mutedTypes: ['PartnerInvited'] }, 1)).toMatchObject({ version: 2, mutedTypes: ['PartnerInvited'] });
  });

  it('always applies saves without a version, even racing first ones', async () => {
    const saved = await Promise.all(Array.from({ length: 5 }, () => repository.save('city-free', weekly)));
    expect(saved.every((s) => s !== null)).toBe(true);
    expect(await repository.find('city-free')).toMatchObject({ version: 5 });
  });
});
