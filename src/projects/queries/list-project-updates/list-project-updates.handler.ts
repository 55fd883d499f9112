import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/domain';
import { pageOf, type Page } from '../../../shared/pagination';
import { ProjectReadRepository } from '../../persistence/project-read.repository';
import { ProjectUpdateView } from './project-update.view';
import { ListProjectUpdatesQuery } from './list-project-updates.query';

@QueryHandler(ListProjectUpdatesQuery)
export class ListProjectUpdatesHandler implements IQueryHandler<ListProjectUpdatesQuery> {
  constructor(private readonly projects: ProjectReadRepository) {}

  async execute({ projectId, page }: ListProjectUpdatesQuery): Promise<Page<ProjectUpdateView>> {
    if (!(await this.projects.exists(projectId))) throw new NotFoundError('project', projectId);
    const { items, total } = await this.projects.listUpdates(projectId, page);
    return pageOf(
      items.map(({ _id, ...u }) => ProjectUpdateView.of({ id: _id, ...u })),
      total,
      page,
    );
  }
}
