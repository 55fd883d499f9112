import { Injectable } from '@nestjs/common';
import { EventLog, MAX_LIST_LIMIT, type EventEnvelope } from '@app/events';
import { PRACTICE_AGGREGATE } from '../../domain/practice-events';
import { canSee, type PracticeViewer } from '../../domain/practice-policy';
import { canSeeTimelineEvent } from '../../domain/timeline-policy';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';

/**
 * The events of a practice a viewer may see, in seq order (the timeline and the live replay):
 * null when the viewer may not see the practice at all. The moderation rules of each event are
 * `domain/timeline-policy.ts`.
 */
@Injectable()
export class PracticeEventsReader {
  constructor(
    private readonly practices: PracticeReadRepository,
    private readonly log: EventLog,
  ) {}

  async visibleEvents(practiceId: string, viewer: PracticeViewer, afterSeq = 0, limit = Number.POSITIVE_INFINITY): Promise<EventEnvelope[] | null> {
    const practice = await this.practices.findById(practiceId);
    if (!practice || !canSee(viewer, practice)) return null;
    const hiddenComments = await this.practices.hiddenComments(practiceId);
    const visible: EventEnvelope[] = [];
    // The log answers in pages; read on until the limit is reached or the history ends.
    for (let after = afterSeq; visible.length < limit;) {
      const page = await this.log.listForAggregate(PRACTICE_AGGREGATE, practiceId, { afterSeq: after, limit: MAX_LIST_LIMIT });
      visible.push(...page.filter((e) => canSeeTimelineEvent(viewer, practice, e, hiddenComments)));
      if (page.length < MAX_LIST_LIMIT) break;
      after = page[page.length - 1].seq;
    }
    return visible.slice(0, limit);
  }
}
