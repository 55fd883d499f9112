import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommentView } from '../../queries/list-comments/comment.view';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { UnhideCommentCommand } from './unhide-comment.command';

@CommandHandler(UnhideCommentCommand)
export class UnhideCommentHandler implements ICommandHandler<UnhideCommentCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  async execute({ commentId, ctx }: UnhideCommentCommand): Promise<CommentView> {
    const { practiceId } = await this.practices.loadComment(commentId);
    return this.practices.change(practiceId, async (practice) => {
      const shown = practice.unhideComment(await this.practices.loadComment(commentId), actorFrom(ctx));
      await this.practices.saveCommentModeration(practice, shown, ctx);
      return CommentView.of(shown);
    });
  }
}
