import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from './app-config';

interface SettingDocument {
  _id: string;
  value: string;
  createdAt: Date;
}

const JWT_SECRET_ID = 'jwt-secret';
const DUPLICATE_KEY = 11000;

/**
 * The HS256 secret: JWT_SECRET, or (development and tests only: production requires it) a random
 * one kept in the `settings` collection, so every instance on the same database signs and accepts
 * the same tokens, and they survive a restart. Insert-if-absent on a fixed `_id`: of two instances
 * starting together one inserts, the other gets a duplicate key, and both read the stored value.
 * Here, beside the settings, because two modules need it: auth signs with it, and webhooks derives
 * its development key from it (in the worker too, which has no auth module).
 */
export async function resolveJwtSecret(config: AppConfig, connection: Connection): Promise<string> {
  if (config.env.JWT_SECRET) return config.env.JWT_SECRET;
  const settings = connection.collection<SettingDocument>('settings');
  const stored = await settings.findOne({ _id: JWT_SECRET_ID });
  if (stored) return stored.value;
  try {
    await settings.insertOne({ _id: JWT_SECRET_ID, value: randomBytes(32).toString('hex'), createdAt: new Date() });
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
  }
  const agreed = await settings.findOne({ _id: JWT_SECRET_ID });
  if (!agreed) throw new Error('The generated JWT secret could not be read back from the settings collection');
  return agreed.value;
}
