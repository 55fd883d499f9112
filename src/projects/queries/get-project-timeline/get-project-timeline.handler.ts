import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventLog, MAX_LIST_LIMIT, type EventEnvelope } from '@app/events';
import { NotFoundError } from '@app/domain';
import { PROJECT_AGGREGATE } from '../../domain/events';
import { ProjectReadRepository } from '../../persistence/project-read.repository';
import { GetProjectTimelineQuery } from './get-project-timeline.query';
import { TimelineEntryView } from './timeline-entry.view';

@QueryHandler(GetProjectTimelineQuery)
export class GetProjectTimelineHandler implements IQueryHandler<GetProjectTimelineQuery> {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly log: EventLog,
  ) {}

  async execute({ projectId }: GetProjectTimelineQuery): Promise<TimelineEntryView[]> {
    if (!(await this.projects.exists(projectId))) throw new NotFoundError('project', projectId);
    // The log answers in pages; a project's history is whole in its timeline.
    const events: EventEnvelope[] = [];
    for (let afterSeq = 0; ;) {
      const page = await this.log.listForAggregate(PROJECT_AGGREGATE, projectId, { afterSeq, limit: MAX_LIST_LIMIT });
      events.push(...page);
      if (page.length < MAX_LIST_LIMIT) break;
      afterSeq = page[page.length - 1].seq;
    }
    return events.map(TimelineEntryView.of);
  }
}
