import type { ClientSession, Model } from 'mongoose';

/**
 * Writes an aggregate's document the way `EventSourcedRepository.persist` must, through `session`:
 * inserts it when the aggregate is new (`loadedVersion` 0), else sets its fields on condition that
 * the stored version is still `loadedVersion`. `doc` carries the next version. Returns false when
 * the stored version moved on (the repository then throws its stale-version error).
 */
export async function writeVersioned<D extends { _id: string; version: number }>(
  model: Model<D>,
  doc: D,
  loadedVersion: number,
  session: ClientSession,
): Promise<boolean> {
  if (loadedVersion === 0) {
    await model.create([doc] as never[], { session });
    return true;
  }
  const { _id, ...state } = doc;
  const result = await model.updateOne({ _id, version: loadedVersion } as never, { $set: state } as never, { session }).exec();
  return result.matchedCount > 0;
}
