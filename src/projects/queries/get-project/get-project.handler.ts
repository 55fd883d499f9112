import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/domain';
import { ProjectReadRepository } from '../../persistence/project-read.repository';
import { ProjectView } from './project.view';
import { GetProjectQuery } from './get-project.query';

@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(private readonly projects: ProjectReadRepository) {}

  async execute({ projectId }: GetProjectQuery): Promise<ProjectView> {
    const project = await this.projects.findById(projectId);
    if (!project) throw new NotFoundError('project', projectId);
    return ProjectView.of(project);
  }
}
