import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { ProjectListFilter } from '../../persistence/project-read.repository';
import type { ProjectView } from '../get-project/project.view';

export class ListProjectsQuery extends Query<Page<ProjectView>> {
  constructor(
    readonly filter: ProjectListFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
