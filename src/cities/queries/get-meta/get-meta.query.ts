import { Query } from '@nestjs/cqrs';
import type { Lang } from '../../../shared/reference-data';
import type { MetaView } from './meta.view';

/** GET /meta: the reference data (fields, regions, action areas, sectors, SDGs, countries) in one language. */
export class GetMetaQuery extends Query<MetaView> {
  constructor(readonly lang: Lang) {
    super();
  }
}
