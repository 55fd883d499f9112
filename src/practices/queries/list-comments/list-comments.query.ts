import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { CommentView } from './comment.view';
import type { PracticeViewer } from '../../domain/practice-policy';

/** A practice's comments the viewer may see, oldest first; 404 for a practice they may not see. */
export class ListCommentsQuery extends Query<Page<CommentView>> {
  constructor(
    readonly practiceId: string,
    readonly viewer: PracticeViewer,
    readonly page: PageRequest,
  ) {
    super();
  }
}
