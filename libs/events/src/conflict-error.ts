// The typed 409 error of libs/domain, which the problem+json filter maps to a conflict.
import { ConflictError } from '@app/domain';
import { duplicateKeyInfo } from './mongo-errors';

export { ConflictError };

/** A MongoDB duplicate-key error (11000) as a 409 naming the key, e.g. `city.duplicate-key`. */
export function duplicateKeyConflict(resource: string, error: unknown): ConflictError {
  const { fields, index } = duplicateKeyInfo(error);
  const key = fields.length > 0 ? fields.join(', ') : (index ?? 'unique key');
  return new ConflictError(`${resource}.duplicate-key`, `Another ${resource} already has the same ${key}`);
}
