import { isDuplicateKeyError } from '@app/events';
import type { mongo } from 'mongoose';

/**
 * Applies one event's changes to one read-model document unless it already holds the state of this
 * event or a later one (`seq`). With `upsert` the document is created when missing; a document
 * there with a seq >= this one makes the upsert collide on `_id`, which is the stale case, ignored.
 * Safe to call twice with one event: the projectors' whole replay-safety rests on it.
 */
export async function applyGuarded(
  collection: mongo.Collection,
  id: string,
  seq: number,
  update: { $set?: Record<string, unknown>; $setOnInsert?: Record<string, unknown> },
  upsert = false,
): Promise<void> {
  const rows = collection as unknown as mongo.Collection<{ _id: string; seq: number }>;
  try {
    await rows.updateOne({ _id: id, seq: { $lt: seq } }, { ...update, $set: { ...update.$set, seq } }, { upsert });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
