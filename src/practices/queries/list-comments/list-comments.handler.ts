import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { CommentView } from './comment.view';
import { practiceNotFound } from '../../domain/practice-errors';
import { canSee } from '../../domain/practice-policy';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { ListCommentsQuery } from './list-comments.query';

@QueryHandler(ListCommentsQuery)
export class ListCommentsHandler implements IQueryHandler<ListCommentsQuery> {
  constructor(private readonly practices: PracticeReadRepository) {}

  async execute({ practiceId, viewer, page }: ListCommentsQuery): Promise<Page<CommentView>> {
    const practice = await this.practices.findById(practiceId);
    if (!practice || !canSee(viewer, practice)) throw practiceNotFound(practiceId);
    const { items, total } = await this.practices.listComments(practiceId, viewer, page);
    return pageOf(items.map(CommentView.of), total, page);
  }
}
