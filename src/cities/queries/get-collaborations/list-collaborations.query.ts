import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { Collaboration } from '../../contracts';

/** GET /cities/:id/collaborations — one page; 404 for an unknown city. */
export class ListCollaborationsQuery extends Query<Page<Collaboration>> {
  constructor(
    readonly cityId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
