import { startTestMongo, type TestMongo } from '@app/testing';
import { createConnection, type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { resolveJwtSecret } from '../../config/jwt-secret';
import { AppConfig } from '../../config/app-config';
import { SecretCipher } from './secret-cipher';
import { secretCipherProvider } from './secret-cipher.provider';
import { derivedKey } from './secret-keys';

/** The cipher each process (API, worker) builds at start, against a real MongoDB. */
describe('secretCipherProvider', () => {
  let mongo: TestMongo;
  let connection: Connection;

  beforeAll(async () => {
    mongo = await startTestMongo('secret_cipher_provider');
    connection = await createConnection(mongo.uri).asPromise();
  });

  afterAll(async () => {
    await connection?.close();
    await mongo?.stop();
  });

  const build = (env: Record<string, string>) =>
    (secretCipherProvider as { useFactory: (c: AppConfig, conn: Connection) => Promise<SecretCipher> }).useFactory(AppConfig.load(env), connection);

  it('without any setting (npm start), derives the key from the generated JWT secret auth keeps, whoever starts first', async () => {
    await connection.collection('settings').deleteMany({});
    // The worker (no auth module) first: it writes the JWT secret auth then finds.
    const worker = await build({});
    const authSecret = await resolveJwtSecret(AppConfig.load({}), connection);
    expect(worker.currentPrefix).toBe(`v1:${derivedKey(authSecret).id}:`);
    const api = await build({});
    expect(api.decrypt(worker.encrypt('whsec_x', 'hook-1'), 'hook-1')).toBe('whsec_x');
  });

  it('derives it from JWT_SECRET when set, and uses WEBHOOK_SECRETS_KEY over both', async () => {
    const jwt = 'j'.repeat(40);
    expect((await build({ JWT_SECRET: jwt })).currentPrefix).toBe(`v1:${derivedKey(jwt).id}:`);
    const key = randomBytes(32);
    const configured = await build({ JWT_SECRET: jwt, WEBHOOK_SECRETS_KEY: key.toString('base64') });
    expect(configured.currentPrefix).not.toBe(`v1:${derivedKey(jwt).id}:`);
    expect(new SecretCipher({ id: configured.currentPrefix.split(':')[1], key }).decrypt(configured.encrypt('whsec_y', 'h'), 'h')).toBe('whsec_y');
  });
});
