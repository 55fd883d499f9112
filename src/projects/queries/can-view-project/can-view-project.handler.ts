import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CanViewProjectQuery } from '../../contracts';
import { ProjectReadRepository } from '../../persistence/project-read.repository';

/** Projects are public (SPEC §2): anyone may see, and so watch, a project that exists. */
@QueryHandler(CanViewProjectQuery)
export class CanViewProjectHandler implements IQueryHandler<CanViewProjectQuery> {
  constructor(private readonly projects: ProjectReadRepository) {}

  execute({ projectId }: CanViewProjectQuery): Promise<boolean> {
    if (typeof projectId !== 'string' || projectId === '') return Promise.resolve(false);
    return this.projects.exists(projectId);
  }
}
