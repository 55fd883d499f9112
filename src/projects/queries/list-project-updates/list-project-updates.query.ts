import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { ProjectUpdateView } from './project-update.view';

/** A project's posted updates, newest first; 404 for an unknown project. */
export class ListProjectUpdatesQuery extends Query<Page<ProjectUpdateView>> {
  constructor(
    readonly projectId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
