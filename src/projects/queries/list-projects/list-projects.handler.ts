import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { ProjectReadRepository } from '../../persistence/project-read.repository';
import { ProjectView } from '../get-project/project.view';
import { ListProjectsQuery } from './list-projects.query';

@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery> {
  constructor(private readonly projects: ProjectReadRepository) {}

  async execute({ filter, page }: ListProjectsQuery): Promise<Page<ProjectView>> {
    const { items, total } = await this.projects.list(filter, page);
    return pageOf(items.map(ProjectView.of), total, page);
  }
}
