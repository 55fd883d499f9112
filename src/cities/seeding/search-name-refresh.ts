import { isDuplicateKeyError } from '@app/events';
import type { Model } from 'mongoose';
import { searchNameOf } from '../domain/city-values';
import type { CityDocument } from '../persistence/city.schema';

export interface SearchNameRefresh {
  /** Cities whose stored folded name was recomputed. */
  updated: string[];
  /** Cities left as they were: their new folded name is another city's of the same country (look-alikes registered before the fold knew them). */
  conflicts: { id: string; name: string; country: string; searchName: string }[];
}

/**
 * Recomputes the stored `searchName` (the uniqueness key with the country, and what `?q=` matches)
 * of every city whose name folds differently now, e.g. after the fold learnt to drop invisible
 * characters and unify full-width letters: "Lli\u00ADria" was stored as "lli ria", is "lliria" now.
 * Names without such characters fold as before, so on most databases this changes nothing; it is
 * idempotent and safe for several instances at once (each update is conditional on the old key).
 * The slug is kept: it is a public address, and the key alone decides uniqueness.
 */
export async function refreshSearchNames(cities: Model<CityDocument>): Promise<SearchNameRefresh> {
  const docs = await cities
    .find({}, { _id: 1, name: 1, country: 1, searchName: 1 })
    .lean<Pick<CityDocument, '_id' | 'name' | 'country' | 'searchName'>[]>()
    .exec();
  const result: SearchNameRefresh = { updated: [], conflicts: [] };
  for (const doc of docs) {
    const searchName = searchNameOf(doc.name);
    if (searchName === doc.searchName) continue;
    try {
      await cities.updateOne({ _id: doc._id, name: doc.name, searchName: doc.searchName }, { $set: { searchName } }).exec();
      result.updated.push(doc._id);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      result.conflicts.push({ id: doc._id, name: doc.name, country: doc.country, searchName });
    }
  }
  return result;
}
