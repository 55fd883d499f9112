import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommentView } from '../../queries/list-comments/comment.view';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { HideCommentCommand } from './hide-comment.command';

@CommandHandler(HideCommentCommand)
export class HideCommentHandler implements ICommandHandler<HideCommentCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  async execute({ commentId, reason, ctx }: HideCommentCommand): Promise<CommentView> {
    const { practiceId } = await this.practices.loadComment(commentId);
    return this.practices.change(practiceId, async (practice) => {
      // Read again on every try: the practice's version guards the comment too.
      const hidden = practice.hideComment(await this.practices.loadComment(commentId), reason, actorFrom(ctx));
      await this.practices.saveCommentModeration(practice, hidden, ctx);
      return CommentView.of(hidden);
    });
  }
}
