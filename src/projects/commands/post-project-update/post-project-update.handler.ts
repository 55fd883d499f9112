import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectUpdateView } from '../../queries/list-project-updates/project-update.view';
import { PostProjectUpdateCommand } from './post-project-update.command';

@CommandHandler(PostProjectUpdateCommand)
export class PostProjectUpdateHandler implements ICommandHandler<PostProjectUpdateCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, input, ctx }: PostProjectUpdateCommand): Promise<ProjectUpdateView> {
    return this.projects.change(projectId, async (project) => {
      const update = project.postUpdate({ updateId: randomUUID(), text: input.text, kind: input.kind }, actorFrom(ctx));
      // The project (updatedAt, version), the update and its event: one transaction.
      await this.projects.saveWithUpdate(project, update, ctx);
      return ProjectUpdateView.of({ ...update, authorUserId: ctx.actor.userId ?? null });
    });
  }
}
