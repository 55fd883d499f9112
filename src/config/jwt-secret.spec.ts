import { startTestMongo, type TestMongo } from '@app/testing';
import mongoose, { type Connection } from 'mongoose';
import { AppConfig } from './app-config';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let mongo: TestMongo;
  let connections: Connection[];

  beforeAll(async () => {
    mongo = await startTestMongo('jwt_secret');
    connections = await Promise.all([1, 2, 3].map(() => mongoose.createConnection(mongo.uri).asPromise()));
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await mongo.stop();
  });

  it('uses JWT_SECRET when set, storing nothing', async () => {
    const secret = 's'.repeat(40);
    expect(await resolveJwtSecret(AppConfig.load({ JWT_SECRET: secret }), connections[0])).toBe(secret);
    expect(await connections[0].collection('settings').countDocuments()).toBe(0);
  });

  it('without JWT_SECRET, gives instances starting together one random secret, kept for the next start', async () => {
    const config = AppConfig.load({});
    const secrets = await Promise.all(connections.map((c) => resolveJwtSecret(config, c)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await resolveJwtSecret(config, connections[0])).toBe(secrets[0]);
    expect(await connections[0].collection('settings').countDocuments()).toBe(1);
  });
});
