import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommentView } from '../../queries/list-comments/comment.view';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { CommentOnPracticeCommand } from './comment-on-practice.command';

@CommandHandler(CommentOnPracticeCommand)
export class CommentOnPracticeHandler implements ICommandHandler<CommentOnPracticeCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  execute({ practiceId, input, ctx }: CommentOnPracticeCommand): Promise<CommentView> {
    // The id is fixed once, so a retried save stores the same comment.
    const commentId = randomUUID();
    return this.practices.change(practiceId, async (practice) => {
      const comment = practice.comment({ commentId, text: input.text }, actorFrom(ctx));
      // The comment, commentCount and PracticeCommented: one transaction.
      await this.practices.saveComment(practice, comment, ctx);
      return CommentView.of(comment);
    });
  }
}
