/**
 * The insight module's public surface: the only file other modules may import from `src/insight`.
 * Queries are answered through the CQRS QueryBus from the insight read models.
 */
import { Query } from '@nestjs/cqrs';
import type { CreativeField, Region } from '../shared/reference-data';

/** How many collaborations link one region with another (shared projects now, completed exchanges). */
export interface RegionLink {
  region: Region;
  projects: number;
  exchanges: number;
}

/**
 * The collaborations in any of `fields` (every field when empty) that link `region` with each other
 * region, one entry per other region (zeros included): what partner suggestions weigh to favour
 * under-connected regions. A project counts under its fields, an exchange under its practice's.
 */
export class CountRegionLinksQuery extends Query<RegionLink[]> {
  constructor(
    readonly region: Region,
    readonly fields: readonly CreativeField[] = [],
  ) {
    super();
  }
}
