import type { QueryFilter } from 'mongoose';
import { isPrivileged, type PracticeViewer } from '../domain/practice-policy';

/**
 * The MongoDB form of `canSee` (domain/practice-policy.ts) for lists: everything for admins,
 * published items plus the viewer city's own hidden ones for a city user, published for anonymous.
 */
export function visibleTo<T extends { status: string; authorCityId: string | null }>(viewer: PracticeViewer): QueryFilter<T> {
  if (isPrivileged(viewer)) return {};
  if (viewer.cityId) return { $or: [{ status: 'published' }, { authorCityId: viewer.cityId }] } as QueryFilter<T>;
  return { status: 'published' } as QueryFilter<T>;
}
